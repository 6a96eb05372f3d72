/**
 * After a run, removes the subfolders it emptied: only folders that held a removed file (or a folder
 * removed this way), deepest first, each by its bare name in its pinned parent, and only while it is still
 * the folder the run opened (device and inode). `rmdir` refuses a folder that is not empty. Never the
 * root, never recursively, never through a link.
 */
import type { RemovalError } from '../../../shared/types.js';
import type { DirFs } from './dir-fs.js';
import { errorCode, errorMessage } from '../fs/errno.js';
import type { PinnedDirs } from './pinned-dirs.js';

export interface EmptiedDirs {
  removedDirs: string[];
  errors: RemovalError[];
}

/** Every folder that held a removed file and each folder above it, deepest first (ties by path). */
function candidateDirs(heldDirs: Iterable<string>): string[] {
  const dirs = new Set<string>();
  for (const held of heldDirs) {
    if (held === '') continue;
    const parts = held.split('/');
    for (let i = parts.length; i > 0; i--) {
      const dir = parts.slice(0, i).join('/');
      if (dirs.has(dir)) break;
      dirs.add(dir);
    }
  }
  const depth = (d: string) => d.split('/').length;
  return [...dirs].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Removes (or, in a dry run, lists) the folders the run emptied: `heldDirs` are the folders (relative
 * paths, '' for the root) that held a removed file; `removedFiles`, needed only in a dry run, says which
 * entries would be gone.
 */
export function removeEmptiedDirs(
  dirFs: DirFs,
  pins: PinnedDirs,
  heldDirs: Iterable<string>,
  dryRun: boolean,
  removedFiles: () => Iterable<string>,
  keepDirs: ReadonlySet<string> = new Set(),
): EmptiedDirs {
  const gone = dryRun ? new Set(removedFiles()) : new Set<string>();
  const result: EmptiedDirs = { removedDirs: [], errors: [] };
  for (const relDir of candidateDirs(heldDirs)) {
    // A folder the store's own reader needs even empty (a Hugging Face repo's refs/); its parents then
    // stay too, not being empty.
    if (keepDirs.has(relDir)) continue;
    const known = pins.seen.get(relDir);
    if (!known) continue; // never opened by this run: not ours to judge
    const parts = relDir.split('/');
    const parent = pins.get(parts.slice(0, -1));
    if ('kind' in parent) continue;
    const name = parts.at(-1) as string;
    try {
      const st = dirFs.stat(parent, name);
      if (st.kind !== 'dir' || st.dev !== known.dev || st.ino !== known.ino) continue;
      if (dryRun) {
        const dir = pins.get(parts);
        if ('kind' in dir || !dirFs.readdir(dir).every((n) => gone.has(`${relDir}/${n}`))) continue;
      } else {
        dirFs.rmdir(parent, name);
      }
    } catch (error) {
      const code = errorCode(error);
      // Not empty (someone wrote a file since) or already gone: nothing to report.
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') {
        result.errors.push({ path: relDir, code, message: errorMessage(error) });
      }
      continue;
    }
    gone.add(relDir);
    result.removedDirs.push(relDir);
  }
  return result;
}
