/**
 * The directory watchers of one root, keyed by relative directory: one non-recursive watcher per directory
 * (Linux: one inotify watch each), or, `recursive`, one watcher on the root that reports the whole subtree
 * (macOS FSEvents, Windows ReadDirectoryChangesW) while the other directories are only recorded.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { decodeName } from '../../../shared/byte-names.js';
import { fsPath } from '../fs/fs-path.js';

/** A started directory watcher. */
export interface DirWatcher {
  close(): void;
}

/** Where one directory's watcher reports. */
export interface DirEventSink {
  /** A change to the entry `filename` in the directory (null: the platform gave no name). */
  onEvent(filename: string | null): void;
  onError(err: Error): void;
}

/**
 * Starts one non-recursive watcher on `absDir`. Throws (with a Node `code`) when it cannot start.
 * This is the seam where tests inject faults (ENOSPC on the Nth directory).
 */
export type WatchDirFn = (
  absDir: string,
  sink: DirEventSink,
  options?: { recursive?: boolean },
) => DirWatcher;

const SINK = Symbol('headroom.dirSink');
type SinkedWatcher = FSWatcher & { [SINK]: DirEventSink };

/**
 * The listeners of every watcher: Node calls them with the watcher as `this`, which carries its sink. One
 * pair for all instead of closures per directory, which cost about 400 B each on 10,000 folders.
 */
function onWatcherChange(this: SinkedWatcher, _event: string, filename: Buffer | string | null): void {
  // Node's recursive emulation on Linux hands out strings whatever the encoding asked for.
  this[SINK].onEvent(
    filename === null ? null : typeof filename === 'string' ? filename : decodeName(filename),
  );
}

function onWatcherError(this: SinkedWatcher, err: Error): void {
  this[SINK].onError(err);
}

/**
 * `fs.watch` on one directory. Persistent, so an undisposed watcher keeps the process alive (and shows).
 * Names arrive as bytes and are decoded as a scan decodes them, so one that is not UTF-8 keeps its bytes.
 */
export const nodeWatchDir: WatchDirFn = (absDir, sink, options) => {
  const recursive = options?.recursive ?? false;
  const opts = { persistent: true, recursive, encoding: 'buffer' } as const;
  const watcher = watch(fsPath(absDir), opts, onWatcherChange) as SinkedWatcher;
  watcher[SINK] = sink; // events come from the event loop, never before this line
  watcher.on('error', onWatcherError);
  // The FSWatcher itself is the handle: no wrapper object per watched directory.
  return watcher;
};

/** One watched directory: its own sink, so a watcher's events name their directory without a closure. */
class WatchedDir implements DirEventSink {
  watcher: DirWatcher | null = null;

  constructor(
    private readonly owner: DirWatchers,
    readonly relDir: string,
    readonly ino: number,
  ) {}

  onEvent(filename: string | null): void {
    this.owner.onEvent(this.relDir, filename);
  }

  onError(err: Error): void {
    this.owner.onError(this.relDir, err);
  }
}

export class DirWatchers {
  private readonly byDir = new Map<string, WatchedDir>();

  constructor(
    private readonly root: string,
    private readonly watchDir: WatchDirFn,
    readonly onEvent: (relDir: string, filename: string | null) => void,
    readonly onError: (relDir: string, err: Error) => void,
    private readonly recursive = false,
  ) {}

  /** Watches `relDir` (inode `ino`) unless it already is; throws when the watcher cannot start. */
  add(relDir: string, ino: number): void {
    if (this.byDir.has(relDir)) return;
    const dir = new WatchedDir(this, relDir, ino);
    // Recursive: the root's watcher already reports everything under it; a subdirectory is only recorded.
    if (!this.recursive || relDir === '') {
      const absDir = relDir === '' ? this.root : path.join(this.root, relDir);
      dir.watcher = this.watchDir(absDir, dir, this.recursive ? { recursive: true } : undefined);
    }
    this.byDir.set(relDir, dir);
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
