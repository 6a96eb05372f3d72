/** A config with one small folder and a `cache` folder of old files not yet under any rule (issue 12). */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';

export const CACHE_FILES = 2_000;
export const CACHE_FILE_BYTES = 2048;

export interface ConsentFixture {
  dir: string;
  dataDir: string;
  configFile: string;
  cacheDir: string;
  outputsDir: string;
  cleanup: () => Promise<void>;
}

export async function consentFixture(nowMs = Date.now()): Promise<ConsentFixture> {
  const { dir, cleanup } = await makeTempDir('headroom-consent-');
  const cacheDir = join(dir, 'cache');
  const outputsDir = join(dir, 'outputs');
  await writeFiles(outputsDir, [{ path: 'keep.wav', sizeBytes: 10, ageMs: 0 }], nowMs);
  const files = Array.from({ length: CACHE_FILES }, (_, i) => ({
    path: `f${String(i).padStart(5, '0')}.bin`,
    sizeBytes: CACHE_FILE_BYTES,
    ageMs: 10 * DAY_MS,
  }));
  await writeFiles(cacheDir, files, nowMs);
  const configFile = join(dir, 'config.yaml');
  await writeFile(configFile, baseConfig(outputsDir));
  return { dir, dataDir: join(dir, 'data'), configFile, cacheDir, outputsDir, cleanup };
}

export function baseConfig(outputsDir: string, extra = ''): string {
  return [
    'cleanup_on_startup: true',
    'cleanup_interval_hours: 5',
    'folders:',
    '  - name: outputs',
    `    path: ${JSON.stringify(outputsDir)}`,
    '    max_files: 100',
    extra,
  ].join('\n');
}

/** The YAML lines of the `cache` folder with a 7-day age limit. */
export function cacheFolderYaml(cacheDir: string): string {
  return ['  - name: cache', `    path: ${JSON.stringify(cacheDir)}`, '    max_age_days: 7', ''].join('\n');
}

export async function countFiles(dir: string): Promise<number> {
  return (await readdir(dir)).length;
}
