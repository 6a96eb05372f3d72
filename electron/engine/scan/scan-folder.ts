/** Scans one folder root: every regular file below it, without following links or crossing devices. */
import { lstat } from 'node:fs/promises';
import { monotonicMs } from '../fs/monotonic-ms.js';
import { resolve } from 'node:path';
import { PackedFiles } from './packed-files.js';
import { runWalk } from './run-walk.js';
import type { FolderScan, ScanOptions } from './scan-types.js';

export type { FolderScan, ScanOptions, UnreadableDir } from './scan-types.js';

/** Entries per worker report: large enough to keep messaging rare, small enough to share a big tree early. */
const DEFAULT_CHUNK_ENTRIES = 20_000;
const DEFAULT_WORKERS = 2;

/**
 * Walks `root` in worker threads (the caller's event loop stays free). A missing root is `exists: false`
 * with no error; a root that is a file, a link or unreadable comes back with `error` set, never a throw.
 * Rejects only when `signal` aborts, with the signal's reason.
 */
export async function scanFolder(root: string, options: ScanOptions = {}): Promise<FolderScan> {
  const startedMs = monotonicMs();
  options.signal?.throwIfAborted();
  const rootAbs = resolve(root);
  const result = (exists: boolean, error: string | null): FolderScan => ({
    root: rootAbs,
    exists,
    error,
    files: PackedFiles.empty(),
    dirs: [],
    unreadable: [],
    durationMs: monotonicMs() - startedMs,
  });

  let stat;
  try {
    stat = await lstat(rootAbs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT' || code === 'ENOTDIR') return result(false, null);
    return result(true, `Headroom cannot read ${rootAbs} (${code}).`);
  }
  if (stat.isSymbolicLink()) {
    return result(
      true,
      `${rootAbs} is a symbolic link; Headroom never follows links. Use the real folder's path.`,
    );
  }
  if (!stat.isDirectory()) return result(true, `${rootAbs} is not a folder.`);

  const walk = await runWalk(rootAbs, {
    rootDev: stat.dev,
    rootIno: stat.ino,
    maxWorkers: Math.max(1, options.workers ?? DEFAULT_WORKERS),
    chunkEntries: Math.max(1, options.chunkEntries ?? DEFAULT_CHUNK_ENTRIES),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onFiles ? { onFiles: options.onFiles } : {}),
  });
  const rootProblem = walk.unreadable.find((u) => u.path === '');
  if (rootProblem) return result(true, `Headroom cannot read ${rootAbs} (${rootProblem.code}).`);
  return { root: rootAbs, exists: true, error: null, ...walk, durationMs: monotonicMs() - startedMs };
}
