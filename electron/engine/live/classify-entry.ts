/** What one settled path's lstat means for a watched tree: a decision, carried out by the backend. */
import type { Stats } from 'node:fs';
import type { RawChange } from './watch-backend.js';
import { isGoneError } from './watch-failure.js';

export interface EntryOutcome {
  /** The path was a watched directory that is gone or replaced: stop watching it, report `dir-removed`. */
  dropDir: boolean;
  /** The change to report for the path itself, if any. */
  change: RawChange | null;
  /** A directory that appeared here: watch it and list it. */
  adopt: { relDir: string; ino: number } | null;
}

/**
 * @param watchedIno inode of the directory watched at `relPath`, undefined when none is
 * @param rootDev device of the root: a directory on another device is a mount and is not entered
 */
export function classifyEntry(
  relPath: string,
  stat: Stats | Error,
  watchedIno: number | undefined,
  rootDev: number,
): EntryOutcome {
  const wasDir = watchedIno !== undefined;
  const remove: RawChange = { kind: 'remove', path: relPath };
  if (stat instanceof Error) {
    // Another error (EACCES on the parent) says nothing certain: the next rescan reports the folder's state.
    if (!isGoneError(stat)) return { dropDir: false, change: null, adopt: null };
    return { dropDir: wasDir, change: wasDir ? null : remove, adopt: null };
  }
  if (stat.isDirectory()) {
    if (watchedIno === stat.ino) return { dropDir: false, change: null, adopt: null }; // own metadata only
    const isMount = stat.dev !== rootDev;
    return {
      dropDir: wasDir, // replaced by another directory
      change: isMount ? remove : null,
      adopt: isMount ? null : { relDir: relPath, ino: stat.ino },
    };
  }
  const change: RawChange = stat.isFile()
    ? { kind: 'upsert', path: relPath, sizeBytes: stat.size, mtimeMs: stat.mtimeMs }
    : remove; // a symlink or special file is not a file Headroom counts
  return { dropDir: wasDir, change, adopt: null };
}
