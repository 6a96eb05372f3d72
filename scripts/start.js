#!/usr/bin/env node
// `npm start`: builds the app, then runs it in Electron where an Electron binary and a display exist;
// otherwise says why in one sentence and runs the same engine headless (`headroom serve`) instead.
// Arguments after `npm start --` go to whichever runs; the exit code is passed through.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** The Electron executable, found the way the electron package does, without its download fallback. */
function findElectron() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron'));
  } catch {
    return { why: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { why: 'the Electron binary was never downloaded' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary) ? { binary } : { why: `the Electron binary is missing (${binary})` };
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Runs a child with our stdio, forwards Ctrl+C and termination, and exits with its code. */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`start: could not run ${command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectron();
if (electron.binary && hasDisplay()) {
  run(electron.binary, ['.', ...args]);
} else {
  const why = electron.binary
    ? 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)'
    : electron.why;
  process.stdout.write(`Not starting the tray app because ${why}; running \`headroom serve\` instead.\n`);
  run(process.execPath, [join(root, 'bin', 'headroom.js'), 'serve', ...args]);
}
