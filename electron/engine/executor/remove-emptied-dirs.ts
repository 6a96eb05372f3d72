/**
 * After a run, removes the subfolders it emptied: only folders that held a removed file (or a folder
 * removed this way), deepest first, with `rmdir`, which refuses a folder that is not empty. Never the
 * root, never recursively, never a folder reached through a symbolic link.
 */
import path from 'node:path';
import type { RemovalError } from '../../../shared/types.js';
import { errorCode, errorMessage, type FsOps } from './fs-ops.js';
import type { RealRoot } from './resolve-root.js';

export interface EmptiedDirsInput {
  root: RealRoot;
  /** Relative paths (`/` separators) of the files this run removed, or would remove in a dry run. */
  removedFiles: string[];
  /** Report the folders that would be emptied, remove nothing. */
  dryRun: boolean;
  fsOps: FsOps;
}

export interface EmptiedDirsResult {
  removedDirs: string[];
  errors: RemovalError[];
}

/** Every proper ancestor folder of the removed files, deepest first (ties by path, for stable reports). */
function candidateDirs(removedFiles: string[]): string[] {
  const dirs = new Set<string>();
  for (const file of removedFiles) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const depth = (d: string) => d.split('/').length;
  return [...dirs].sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0));
}

/** True when every component of `relDir` is a real directory (no link) on the root's device. */
async function isRealDirChain(root: RealRoot, relDir: string, fsOps: FsOps): Promise<boolean> {
  let current = root.realPath;
  for (const part of relDir.split('/')) {
    current = path.join(current, part);
    try {
      const st = await fsOps.lstat(current);
      if (st.isSymbolicLink() || !st.isDirectory() || st.dev !== root.dev) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** In a dry run: would the folder be empty once everything in `gone` is removed? */
async function wouldBeEmpty(absDir: string, relDir: string, gone: Set<string>, fsOps: FsOps) {
  try {
    const names = await fsOps.readdir(absDir);
    return names.every((name) => gone.has(`${relDir}/${name}`));
  } catch {
    return false;
  }
}

/** Removes (or, in a dry run, lists) the folders the run emptied. Folders that are not empty are kept. */
export async function removeEmptiedDirs(input: EmptiedDirsInput): Promise<EmptiedDirsResult> {
  const { root, dryRun, fsOps } = input;
  const gone = new Set(input.removedFiles);
  const result: EmptiedDirsResult = { removedDirs: [], errors: [] };
  for (const relDir of candidateDirs(input.removedFiles)) {
    if (!(await isRealDirChain(root, relDir, fsOps))) continue;
    const absDir = path.join(root.realPath, ...relDir.split('/'));
    if (dryRun) {
      if (!(await wouldBeEmpty(absDir, relDir, gone, fsOps))) continue;
    } else {
      try {
        await fsOps.rmdir(absDir);
      } catch (error) {
        const code = errorCode(error);
        // Not empty (someone wrote a file since) or already gone: nothing to report.
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') {
          result.errors.push({ path: relDir, code, message: errorMessage(error) });
        }
        continue;
      }
    }
    gone.add(relDir);
    result.removedDirs.push(relDir);
  }
  return result;
}
