/**
 * Makes sure the app the e2e tests start (`bin/headroom.js` → `out/main/cli.js`, `out/renderer/`) is built
 * and not older than its sources; builds it once with electron-vite otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUTS = ['out/main/cli.js', 'out/renderer/index.html'];
const SOURCES = ['electron', 'shared', 'renderer'];

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export default function globalSetup(): void {
  const outputs = OUTPUTS.map((file) => join(ROOT, file));
  const missing = outputs.some((file) => !existsSync(file));
  const builtAtMs = missing ? 0 : Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sourcesAtMs = Math.max(...SOURCES.map((dir) => newestMtimeMs(join(ROOT, dir))));
  if (!missing && builtAtMs >= sourcesAtMs) return;
  process.stdout.write(
    `e2e: ${missing ? 'no build found' : 'the build is older than its sources'}; building\n`,
  );
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
