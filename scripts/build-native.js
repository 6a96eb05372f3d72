#!/usr/bin/env node
// Builds the removal addon (native/) with node-gyp at `npm ci`, against the running Node's headers. One
// node-api build loads in Node and in Electron, so nothing is rebuilt for Electron. Windows has no
// openat(): nothing is built there and Headroom uses its path-based fallback (README, Safety). Elsewhere a
// failed build is a warning, and Headroom falls back the same way, unless HEADROOM_REQUIRE_NATIVE=1 (CI),
// where it fails the install.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const nativeDir = fileURLToPath(new URL('../native', import.meta.url));
if (process.platform === 'win32') {
  console.log('headroom: Windows: no removal addon to build (the path-based fallback is used)');
  process.exit(0);
}
const result = spawnSync('node-gyp', ['rebuild', '--directory', nativeDir], {
  stdio: 'inherit',
  shell: false,
});
if (result.status === 0) process.exit(0);
const why = result.error ? result.error.message : `node-gyp exited with ${result.status}`;
console.warn(
  `headroom: warning: the removal addon was not built (${why}). Headroom will remove files by path, ` +
    'and keep those in folders other users can write to. Install a C compiler, make and python3, then npm ci.',
);
process.exit(process.env.HEADROOM_REQUIRE_NATIVE === '1' ? 1 : 0);
