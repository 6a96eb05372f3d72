/** lstat many paths with bounded concurrency: a burst of thousands of files must not open thousands of requests. */
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { fsPath } from '../fs/fs-path.js';

/** One result per path, in order: the Stats, or the error lstat failed with. */
export async function lstatMany(absPaths: readonly string[], concurrency = 32): Promise<(Stats | Error)[]> {
  const results = new Array<Stats | Error>(absPaths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < absPaths.length) {
      const i = next++;
      try {
        results[i] = await lstat(fsPath(absPaths[i] as string));
      } catch (err) {
        results[i] = err as Error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, absPaths.length) }, worker));
  return results;
}

/** Joins relative paths with `/`, '' being the root. */
export function joinRel(relDir: string, name: string): string {
  return relDir === '' ? name : `${relDir}/${name}`;
}
