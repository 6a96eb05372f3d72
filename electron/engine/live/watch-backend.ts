/**
 * The watch port: how a live folder learns about changes under its root. Two implementations share it
 * (`fsWatchBackend`: one `fs.watch` per directory on Linux, one recursive per root on macOS and Windows;
 * and `chokidarBackend`) so the benchmark compares them in one run and tests can inject faults.
 *
 * Paths are relative to the root, with `/` separators. Every change is the result of an `lstat` taken
 * after the path settled: symlinks are never files and never followed, other mounts are never entered.
 */

/** One settled change under a watched root. */
export type RawChange =
  | { kind: 'upsert'; path: string; sizeBytes: number; mtimeMs: number }
  | { kind: 'remove'; path: string }
  | { kind: 'dir-added'; path: string }
  /** `path: ''` means the root itself disappeared (deleted or moved away). */
  | { kind: 'dir-removed'; path: string };

/** Something went wrong with watching. */
export interface WatchFailure {
  /** Node's error code (`ENOSPC`, `EMFILE`, `EACCES`, …), or `ENOFILENAME` / `EWATCH` for our own cases. */
  code: string;
  /** Relative directory the failure concerns ('' = the root). */
  path: string;
  /** A sentence for people, e.g. "inotify watch limit reached (ENOSPC) …". */
  message: string;
  /**
   * True when watching still works but changes may have been missed (a rescan reconciles);
   * false when this folder can no longer be watched and must fall back to periodic rescans.
   */
  recoverable: boolean;
}

export interface WatchSink {
  /** Called with each batch of settled changes, in the order they were resolved. */
  onChanges(changes: RawChange[]): void;
  onError(failure: WatchFailure): void;
}

export interface WatchHandle {
  /** Starts watching a directory (relative) that the caller learnt of some other way, e.g. a rescan. */
  addDir(relDir: string): void;
  /** Stops watching a directory and everything under it. */
  removeDir(relDir: string): void;
  /** Closes every watcher and timer; no change or error is delivered afterwards. */
  close(): Promise<void>;
  /** Number of directories currently watched (the benchmark and tests read it). */
  watchedDirCount(): number;
}

export interface WatchBackend {
  /** A short name for logs and the benchmark. */
  readonly name: string;
  /**
   * Starts watching `root` and the directories `dirs` (relative, '' = root) that a scan found.
   * Throws only when the root itself cannot be watched (the error carries a Node `code`); any later
   * failure reaches `sink.onError`.
   */
  watch(root: string, dirs: readonly string[], sink: WatchSink): WatchHandle;
}
