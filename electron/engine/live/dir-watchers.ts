/**
 * The directory watchers of one root, keyed by relative directory: one non-recursive watcher per directory
 * (Linux: one inotify watch each), or, `recursive`, one watcher on the root that reports the whole subtree
 * (macOS FSEvents, Windows ReadDirectoryChangesW) while the other directories are only recorded.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { decodeName } from '../../../shared/byte-names.js';
import { fsPath } from '../fs/fs-path.js';

/** A started directory watcher. */
export interface DirWatcher {
  close(): void;
}

/**
 * Starts one non-recursive watcher on `absDir`. Throws (with a Node `code`) when it cannot start.
 * This is the seam where tests inject faults (ENOSPC on the Nth directory).
 */
export type WatchDirFn = (
  absDir: string,
  onEvent: (filename: string | null) => void,
  onError: (err: Error) => void,
  options?: { recursive?: boolean },
) => DirWatcher;

/**
 * `fs.watch` on one directory. Persistent, so an undisposed watcher keeps the process alive (and shows).
 * Names arrive as bytes and are decoded as a scan decodes them, so one that is not UTF-8 keeps its bytes.
 */
export const nodeWatchDir: WatchDirFn = (absDir, onEvent, onError, options) => {
  const recursive = options?.recursive ?? false;
  const listener = (_event: string, filename: Buffer | string | null) =>
    // Node's recursive emulation on Linux hands out strings whatever the encoding asked for.
    onEvent(filename === null ? null : typeof filename === 'string' ? filename : decodeName(filename));
  const watcher = watch(fsPath(absDir), { persistent: true, recursive, encoding: 'buffer' }, listener);
  watcher.on('error', onError);
  // The FSWatcher itself is the handle: no wrapper object and closure per watched directory.
  return watcher;
};

export class DirWatchers {
  private readonly byDir = new Map<string, { watcher: DirWatcher | null; ino: number }>();

  constructor(
    private readonly root: string,
    private readonly watchDir: WatchDirFn,
    private readonly onEvent: (relDir: string, filename: string | null) => void,
    private readonly onError: (relDir: string, err: Error) => void,
    private readonly recursive = false,
  ) {}

  /** Watches `relDir` (inode `ino`) unless it already is; throws when the watcher cannot start. */
  add(relDir: string, ino: number): void {
    if (this.byDir.has(relDir)) return;
    // Recursive: the root's watcher already reports everything under it; a subdirectory is only recorded.
    if (this.recursive && relDir !== '') return void this.byDir.set(relDir, { watcher: null, ino });
    const absDir = relDir === '' ? this.root : path.join(this.root, relDir);
    const watcher = this.watchDir(
      absDir,
      (filename) => this.onEvent(relDir, filename),
      (err) => this.onError(relDir, err),
      this.recursive ? { recursive: true } : undefined,
    );
    this.byDir.set(relDir, { watcher, ino });
  }

  has(relDir: string): boolean {
    return this.byDir.has(relDir);
  }

  inoOf(relDir: string): number | undefined {
    return this.byDir.get(relDir)?.ino;
  }

  /** Closes `relDir` and every watched directory under it; returns how many were closed. */
  remove(relDir: string): number {
    const prefix = relDir === '' ? '' : `${relDir}/`;
    let closed = 0;
    for (const [dir, entry] of this.byDir) {
      if (dir === relDir || dir.startsWith(prefix)) {
        entry.watcher?.close();
        this.byDir.delete(dir);
        closed++;
      }
    }
    return closed;
  }

  closeAll(): void {
    for (const entry of this.byDir.values()) entry.watcher?.close();
    this.byDir.clear();
  }

  get size(): number {
    return this.byDir.size;
  }
}
