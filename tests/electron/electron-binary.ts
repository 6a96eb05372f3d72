/** Finds the Electron executable as the electron package does, without its download fallback. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function findElectronBinary(): string | null {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Why the Electron tests skip where there is no binary, and where what they check is covered instead. */
export const ELECTRON_SKIP_REASON =
  'Electron binary not installed on this machine (cannot be downloaded here); these tests run where it exists. ' +
  'What they check is also covered in Node: tests/unit/main (composition root against a fake electron port, ' +
  'bridge host, preload) and tests/e2e (the same dashboard in Chromium).';
