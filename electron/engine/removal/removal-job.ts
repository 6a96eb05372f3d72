/**
 * The data of one removal job, as plain structured-cloneable values: what the caller's thread decides
 * before a file is touched (paths that could leave the root, protect globs, the grace period) travels with
 * each file to the thread that checks and removes it.
 */
import type { CleanupAction, RemovalError, SkipWhy } from '../../../shared/types.js';
import type { TrashPlace } from './trash-target.js';

/** One planned file, ready to be checked and removed without the caller's help. */
export interface JobFile {
  /** Its folder, as an index into `RemovalJob.dirs` (one entry per folder, not per file). */
  dir: number;
  name: string;
  dev: number;
  ino: number;
  sizeBytes: number;
  mtimeMs: number;
  /** Set when the file is refused before the disk is touched (a path that could leave the root, protect). */
  refusal: { why: SkipWhy; detail: string } | null;
  /**
   * The grace-period refusal, decided from the planned mtime. It applies only once the file's real mtime
   * has been found equal to the planned one, so deciding it early from the plan is exact.
   */
  tooYoung: string | null;
  /**
   * True for a symbolic link planned for removal itself (a model cache's snapshot entry): removed only
   * while the entry is still that link (device, inode, size and mtime of the link), never followed.
   */
  link?: boolean;
}

/** One folder's files to check and remove, in plan order, under one real root. */
export interface RemovalJob {
  rootRealPath: string;
  rootDev: number;
  rootIno: number;
  /** The folders of the files, each as its components below the root (`[]` for the root itself). */
  dirs: string[][];
  files: JobFile[];
  action: CleanupAction;
  dryRun: boolean;
  /** Where the trash is looked for (`action: trash`). */
  trashPlace: TrashPlace;
  /** Wait before the one retry of files that failed with a transient error. */
  retryDelayMs: number;
  /** Files removed by earlier jobs of the same run: their folders are candidates for removal when emptied. */
  removedBefore: string[];
  /** Folders (relative paths) never removed even when emptied, nor their parents (a model cache's refs/). */
  keepDirs?: string[];
  /** Use the path-based fallback even where the addon is built (tests of the fallback). */
  forcePathFallback: boolean;
}

/** What happened to each file; `null` for a removed (or trashed) file, the common case, kept small. */
export type JobOutcome =
  | null
  | { kind: 'skip'; why: SkipWhy; detail: string }
  | { kind: 'error'; code: string; message: string }
  /** Checked and safe, but this platform's trash is the host's to call (the path fallback). */
  | { kind: 'hand-off'; absPath: string };

export interface JobResult {
  /** By file index; `undefined` for files not started (cancelled, or stopped for a rules change). */
  outcomes: (JobOutcome | undefined)[];
  /** Disk bytes each removed file gave back (0 when trashed or hard-linked). */
  diskFreed: number[];
  trashed: boolean;
  removedDirs: string[];
  dirErrors: RemovalError[];
  /** True when the files were removed through the path fallback (no race-free removal here). */
  pathFallback: boolean;
}

/** Why a job stopped early, as the shared stop flag says: 0 runs on, 1 cancelled, 2 the rules changed. */
export const STOP_NONE = 0;
export const STOP_CANCELLED = 1;
export const STOP_RULES_CHANGED = 2;
