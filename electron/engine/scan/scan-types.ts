/** What a folder scan returns, and the messages between the scanner and its workers. */
import type { PackedFiles, PackedFilesBuffers } from './packed-files.js';
import type { PackedByteList } from './byte-list.js';

/** A subfolder the scan could not enter: unreadable, vanished as it was read, or another device. */
export interface UnreadableDir {
  /** Relative to the root, `/` separators. */
  path: string;
  /** `EACCES`, `EPERM`, `EXDEV` (a mount point, deliberately not crossed), … */
  code: string;
  /** A sentence for people. */
  message: string;
}

/** One full scan of one folder root. */
export interface FolderScan {
  /** The absolute root that was scanned. */
  root: string;
  exists: boolean;
  /** Root unreadable or not a directory: a sentence; null otherwise (also null when the root is missing). */
  error: string | null;
  /** Regular files only, recursive, symlinks and other devices left out. */
  files: PackedFiles;
  /** Every directory walked, relative to the root (`''` is the root), for the watchers. */
  dirs: string[];
  unreadable: UnreadableDir[];
  durationMs: number;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Worker threads that may share the walk (default 2; a second one starts only for a large tree). */
  workers?: number;
  /** Directory entries a worker handles before it reports back and shares its pending folders. */
  chunkEntries?: number;
  /**
   * Receives each batch of files as a worker reports it (in no fixed order), instead of the scan keeping
   * them: the result's `files` is then empty. The batch is not used again after the call. A throw fails
   * the scan.
   */
  onFiles?: (files: PackedFiles) => void;
}

/** One stretch of a walk: these folders (relative to `root`), until `budgetEntries` entries were seen. */
export interface WalkTask {
  root: Uint8Array;
  /** The root's identity when the scan began: a root replaced since is not walked. */
  rootDev: number;
  rootIno: number;
  dirs: PackedByteList;
  budgetEntries: number;
}

/** What one stretch of a walk found, plus the folders it did not get to. */
export interface WalkChunk {
  files: PackedFilesBuffers;
  dirs: PackedByteList;
  pending: PackedByteList;
  unreadable: UnreadableDir[];
}

/**
 * Main → worker: walk `task.dirs` to the end, reporting every `budgetEntries` entries. `shareWanted` is a
 * flag (an Int32Array of one over shared memory) the host sets when a worker sits idle: the first worker
 * to see it with more than one folder pending hands half of them back.
 */
export interface WorkerTask {
  task: WalkTask;
  shareWanted: Int32Array;
  /**
   * Set by the host when the scan ends early (aborted, failed): the worker ends the batch in hand, which
   * closes the folder handles it holds, reports it and takes no more. Terminated mid-batch instead, it
   * would leave the root's descriptor open for the life of the process.
   */
  stop: Int32Array;
}

/** Worker → main: a batch of the walk; `shared` are folders handed back for another worker. */
export interface WorkerReport {
  files: PackedFilesBuffers;
  dirs: PackedByteList;
  unreadable: UnreadableDir[];
  shared: PackedByteList;
  /** The worker's folders are all walked: it is idle now. */
  done: boolean;
}
