/** Builds real files with chosen sizes and ages in a temp folder, for engine and CLI tests. */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const DAY_MS = 86_400_000;

export interface FileSpec {
  /** Relative path with `/` separators. */
  path: string;
  sizeBytes: number;
  /** How old the file's mtime is, relative to `nowMs`. */
  ageMs: number;
}

export async function makeTempDir(
  prefix = 'headroom-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeFiles(
  root: string,
  files: readonly FileSpec[],
  nowMs = Date.now(),
): Promise<void> {
  for (const file of files) {
    const full = join(root, ...file.path.split('/'));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, Buffer.alloc(file.sizeBytes, 0x61));
    const when = new Date(nowMs - file.ageMs);
    await utimes(full, when, when);
  }
}
