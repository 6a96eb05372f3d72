// `node --import tsx --import ./record-modules.mjs …`: records which modules a process loads (see
// module-log-hooks.mjs). Registered after tsx, so it sees the .ts file each `.js` import resolves to.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url);
