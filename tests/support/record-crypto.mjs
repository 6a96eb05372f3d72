// `node --import ./record-crypto.mjs …`: appends "crypto <function>" to HEADROOM_TEST_MODULE_LOG each time
// Headroom's own code calls a node:crypto function. Run from source, tsx loads node:crypto itself, so
// whether the module was loaded says nothing; a call from the project is what makes the built CLI load it
// (electron/engine/fs/lazy-crypto.ts), at a few ms of CPU per call of a command (#17).
import { appendFileSync } from 'node:fs';
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.HEADROOM_TEST_MODULE_LOG;
const PROJECT = /\/(electron|shared)\/[^\n]*\.ts/;
for (const name of [
  'randomBytes',
  'randomUUID',
  'randomInt',
  'createHash',
  'createHmac',
  'timingSafeEqual',
]) {
  const original = crypto[name];
  crypto[name] = function (...args) {
    if (log && PROJECT.test(new Error().stack ?? '')) appendFileSync(log, `crypto ${name}\n`);
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();
