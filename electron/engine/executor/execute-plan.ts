/**
 * The executor: carries out one folder's cleanup plan under DESIGN.md invariants 1, 2 and 4. Every file
 * is examined again just before its removal; one file's failure never stops the run.
 */
import type { FolderPlan, FolderRules, FolderRunResult, PlannedRemoval } from '../../../shared/types.js';
import { MS_PER_MINUTE } from '../../../shared/units.js';
import { compileGlobs } from '../../core/glob-match.js';
import type { TrashPort } from '../ports.js';
import { carryOutFiles, type CarryOutOptions } from './carry-out-files.js';
import type { SyncFsOps } from './delete-files-sync.js';
import { nodeFsOps, type FsOps } from './fs-ops.js';
import { nodeTrash } from './node-trash.js';
import type { FileContext } from './process-planned-file.js';
import { createProgressThrottle, type ExecuteProgress } from './progress-throttle.js';
import { removeEmptiedDirs } from './remove-emptied-dirs.js';
import { runDeleteJobHere, runDeleteJobInWorker, type DeleteJobRunner } from './run-delete-job.js';
import { resolveRoot, type RealRoot, type RootResult } from './resolve-root.js';

export type { ExecuteProgress } from './progress-throttle.js';

export interface ExecutePlanInput {
  /** The folder root as configured (absolute). */
  root: string;
  plan: FolderPlan;
  /** The folder's rules now: `protect`, `minAgeMinutes` and `action` are applied at execution time. */
  rules: FolderRules;
  /** Epoch ms, read once per file for the grace-period check. */
  nowMs: () => number;
  /** Used when `rules.action` is `trash`; default `nodeTrash`. */
  trash?: TrashPort;
  /** Checked before each file is started: once aborted, files not yet started are skipped as `cancelled`. */
  signal?: AbortSignal;
  /** Called at the start, at most about every 100 ms or `progressEveryFiles` files, and at the end. */
  onProgress?: (p: ExecuteProgress) => void;
  /** Check everything, remove nothing: `removed`, `bytesFreed` and `removedDirs` say what would go. */
  dryRun?: boolean;
  /** Wait before the one retry of files that failed with a transient error. Default 2000. */
  retryDelayMs?: number;
  /** Default 1000. */
  progressEveryFiles?: number;
  /**
   * Default `nodeFsOps`; tests replace a call to produce errors the kernel will not produce on demand.
   * With a port of its own the run goes file by file on this thread (the fast path cannot call it).
   */
  fsOps?: FsOps;
  /**
   * Tests and the race fuzzer: run the fast delete path on this thread through this port instead of on
   * the delete worker. Only used for `action: delete`.
   */
  syncFsOps?: SyncFsOps;
}

const DEFAULT_RETRY_DELAY_MS = 2000;
const FILES_IN_FLIGHT = 4;
/** Case-insensitive volumes are the norm there: protect matches too much rather than too little. */
const NOCASE = process.platform === 'win32' || process.platform === 'darwin';

/** Carries out `plan` in `root` and reports, per file, what was removed, skipped (and why) or failed. */
export async function executePlan(input: ExecutePlanInput): Promise<FolderRunResult> {
  const { plan } = input;
  const fsOps = input.fsOps ?? nodeFsOps;
  const result = emptyResult(plan);
  const progress = createProgressThrottle(input.onProgress, 100, input.progressEveryFiles);
  const state = { filesDone: 0, filesTotal: plan.remove.length, bytesFreed: 0 };
  progress.flush(state);
  const rootResult = await resolveRoot(input.root, fsOps);
  if (!rootResult.ok) {
    refuseAll(result, plan.remove, rootResult);
    progress.flush({ ...state, filesDone: state.filesTotal });
    return result;
  }
  const ctx = fileContext(input, rootResult.root, fsOps);
  const carryOut: CarryOutOptions = {
    items: plan.remove,
    signal: input.signal,
    retryDelayMs: input.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    concurrency: FILES_IN_FLIGHT,
    onFilesDone: (files, freedBytes) => {
      state.filesDone += files;
      state.bytesFreed += freedBytes;
      progress.update(state);
    },
    fastPath: fastPathOf(input),
  };
  await carryOutFiles(ctx, carryOut, result);
  const dirs = await removeEmptiedDirs({
    root: ctx.root,
    removedFiles: result.removed.map((r) => r.path),
    dryRun: ctx.dryRun,
    fsOps,
  });
  result.removedDirs = dirs.removedDirs;
  result.errors.push(...dirs.errors);
  progress.flush({ ...state, bytesFreed: result.bytesFreed });
  return result;
}

/**
 * Plain deletes with the real file system go to the delete worker: synchronous calls there cost about a
 * tenth of the thread-pool round trips of the file-by-file path. Trash stays file by file (its port is
 * asynchronous, Electron's `shell.trashItem`), and so does a run with an `FsOps` of its own.
 */
function fastPathOf(input: ExecutePlanInput): DeleteJobRunner | null {
  if (input.rules.action !== 'delete') return null;
  if (input.syncFsOps) return runDeleteJobHere(input.syncFsOps);
  return input.fsOps ? null : runDeleteJobInWorker;
}

/** Everything a single file's check needs; the protect globs are compiled once per run. */
function fileContext(input: ExecutePlanInput, root: RealRoot, fsOps: FsOps): FileContext {
  return {
    root,
    isProtected: compileGlobs(input.rules.protect, { nocase: NOCASE }),
    graceMs: input.rules.minAgeMinutes * MS_PER_MINUTE,
    nowMs: input.nowMs,
    action: input.rules.action,
    trash: input.trash ?? nodeTrash,
    dryRun: input.dryRun ?? false,
    fsOps,
  };
}

function emptyResult(plan: FolderPlan): FolderRunResult {
  return {
    name: plan.name,
    removed: [],
    skipped: [],
    errors: [],
    filesRemoved: 0,
    bytesFreed: 0,
    removedDirs: [],
    overLimitAfter: plan.overLimitAfter,
    notes: [...plan.notes],
  };
}

/** The root cannot be trusted: nothing is removed, and every planned file says why. */
function refuseAll(
  result: FolderRunResult,
  items: PlannedRemoval[],
  root: Extract<RootResult, { ok: false }>,
) {
  for (const item of items) {
    if (root.why === 'error') {
      const code = 'code' in root ? root.code : 'UNKNOWN';
      result.errors.push({ path: item.path, code, message: root.detail });
    } else {
      result.skipped.push({ path: item.path, why: root.why, detail: `${root.detail}; nothing was removed` });
    }
  }
}
