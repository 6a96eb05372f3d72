/** What a folder scan returns, and the messages between the scanner and its workers. */
import type { PackedFiles, PackedFilesBuffers } from '../index/packed-files.js';
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

/** Main → worker: walk these folders (relative to `root`) until `budgetEntries` entries were seen. */
export interface WalkTask {
  root: Uint8Array;
  rootDev: number;
  dirs: PackedByteList;
  budgetEntries: number;
}

/** Worker → main: what one task found, plus the folders it did not get to. */
export interface WalkChunk {
  files: PackedFilesBuffers;
  dirs: PackedByteList;
  pending: PackedByteList;
  unreadable: UnreadableDir[];
}
