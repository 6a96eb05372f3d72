/**
 * The executor: carries out one folder's cleanup plan under DESIGN.md invariants 1, 2 and 4. Every file
 * is examined again just before its removal; one file's failure never stops the run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FolderPlan, FolderRules, FolderRunResult, PlannedRemoval } from '../../../shared/types.js';
import { MS_PER_MINUTE } from '../../../shared/units.js';
import { compileGlobs } from '../../core/glob-match.js';
import type { TrashPort } from '../ports.js';
import { errorCode, errorMessage, nodeFsOps, type FsOps } from './fs-ops.js';
import { nodeTrash } from './node-trash.js';
import { processPlannedFile, type FileContext, type FileOutcome } from './process-planned-file.js';
import { createProgressThrottle, type ExecuteProgress } from './progress-throttle.js';
import { removeEmptiedDirs } from './remove-emptied-dirs.js';
import { resolveRoot, type RootResult } from './resolve-root.js';

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
  /** Checked between files: once aborted, the remaining files are skipped as `cancelled`. */
  signal?: AbortSignal;
  /** Called at the start, at most about every 100 ms or `progressEveryFiles` files, and at the end. */
  onProgress?: (p: ExecuteProgress) => void;
  /** Check everything, remove nothing: `removed`, `bytesFreed` and `removedDirs` say what would go. */
  dryRun?: boolean;
  /** Wait before the one retry of files that failed with a transient error. Default 2000. */
  retryDelayMs?: number;
  /** Default 1000. */
  progressEveryFiles?: number;
  /** Default `nodeFsOps`; tests replace a call to produce errors the kernel will not produce on demand. */
  fsOps?: FsOps;
}

const DEFAULT_RETRY_DELAY_MS = 2000;
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
  const ctx: FileContext = {
    root: rootResult.root,
    isProtected: compileGlobs(input.rules.protect, { nocase: NOCASE }),
    graceMs: input.rules.minAgeMinutes * MS_PER_MINUTE,
    nowMs: input.nowMs,
    action: input.rules.action,
    trash: input.trash ?? nodeTrash,
    dryRun: input.dryRun ?? false,
    fsOps,
  };
  const retries = await firstPass(input, ctx, result, () => {
    state.filesDone++;
    progress.update({ ...state, bytesFreed: result.bytesFreed });
  });
  await retryPass(input, ctx, result, retries);
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
    } else
      result.skipped.push({ path: item.path, why: root.why, detail: `${root.detail}; nothing was removed` });
  }
}

function record(result: FolderRunResult, item: PlannedRemoval, outcome: FileOutcome): void {
  switch (outcome.kind) {
    case 'removed':
      result.removed.push({ path: item.path, sizeBytes: item.sizeBytes, reason: item.reason });
      result.filesRemoved++;
      result.bytesFreed += item.sizeBytes;
      return;
    case 'skip':
      result.skipped.push({ path: item.path, why: outcome.why, detail: outcome.detail });
      return;
    case 'error':
    case 'transient':
      result.errors.push({ path: item.path, code: outcome.code, message: outcome.message });
  }
}

/** A bug or an odd trash implementation must not end the run: anything thrown becomes that file's error. */
async function safely(ctx: FileContext, item: PlannedRemoval): Promise<FileOutcome> {
  try {
    return await processPlannedFile(ctx, item);
  } catch (error) {
    return { kind: 'error', code: errorCode(error), message: errorMessage(error) };
  }
}

const CANCELLED = 'the run was cancelled before this file';

type Retry = { item: PlannedRemoval; outcome: FileOutcome };

/** Every file once, in plan order; transient failures are set aside for one retry. */
async function firstPass(
  input: ExecutePlanInput,
  ctx: FileContext,
  result: FolderRunResult,
  onDone: () => void,
) {
  const retries: Retry[] = [];
  for (const item of input.plan.remove) {
    if (input.signal?.aborted) {
      result.skipped.push({ path: item.path, why: 'cancelled', detail: CANCELLED });
      continue;
    }
    const outcome = await safely(ctx, item);
    if (outcome.kind === 'transient') retries.push({ item, outcome });
    else record(result, item, outcome);
    onDone();
  }
  return retries;
}

/**
 * Files that failed with a transient error get one more try after `retryDelayMs` (all of them after one
 * wait, not one wait each); a second transient failure leaves them for the next run as `retry-later`.
 */
async function retryPass(
  input: ExecutePlanInput,
  ctx: FileContext,
  result: FolderRunResult,
  retries: Retry[],
) {
  if (retries.length === 0) return;
  try {
    await sleep(input.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, undefined, { signal: input.signal });
  } catch {
    // Aborted while waiting: handled below, file by file.
  }
  for (const { item } of retries) {
    if (input.signal?.aborted) {
      result.skipped.push({ path: item.path, why: 'cancelled', detail: CANCELLED });
      continue;
    }
    const outcome = await safely(ctx, item);
    if (outcome.kind !== 'transient') record(result, item, outcome);
    else {
      const detail = `${outcome.code} twice (${outcome.message}); it will be tried again at the next run`;
      result.skipped.push({ path: item.path, why: 'retry-later', detail });
    }
  }
}
