/**
 * The executor: carries out one folder's cleanup plan under DESIGN.md invariants 1, 2 and 4 through the
 * removal core (electron/engine/removal), on the delete worker thread. Every file is examined again just
 * before its removal; one file's failure never stops the run; a change of the folder's rules while the run
 * goes on stops it before the next file, and the files left are checked against the new rules.
 */
import type { FolderPlan, FolderRules, FolderRunResult, PlannedRemoval } from '../../../shared/types.js';
import { MS_PER_MINUTE } from '../../../shared/units.js';
import { compileGlobs, folderGlobOptions } from '../../core/glob-match.js';
import type { Disposer, TrashPort } from '../ports.js';
import type { DirFs } from '../removal/dir-fs.js';
import { STOP_CANCELLED, STOP_RULES_CHANGED } from '../removal/removal-job.js';
import type { JobResult, RemovalJob } from '../removal/removal-job.js';
import { trashPlace } from '../removal/trash-target.js';
import { jobFiles, type JobRules } from './build-removal-job.js';
import { nodeTrash } from './node-trash.js';
import { executeUnitPlan } from './execute-unit-plan.js';
import { createProgressThrottle, type ExecuteProgress } from './progress-throttle.js';
import { recordOutcomes } from './record-outcomes.js';
import { resolveRoot, type RealRoot, type RootResult } from './resolve-root.js';
import { runDeleteJobHere, runDeleteJobInWorker, type DeleteJobRunner } from './run-delete-job.js';
import type { RemovalCredit } from './removal-credit.js';
import { StopFlag } from './stop-flag.js';

export type { ExecuteProgress } from './progress-throttle.js';

/** The folder's rules as they are now, and word when they change (the config store). */
export interface LiveRules {
  /** The rules now; null once the folder is disabled or no longer configured. */
  current(): FolderRules | null;
  onChange(listener: () => void): Disposer;
}

export interface ExecutePlanInput {
  /** The folder root as configured (absolute). */
  root: string;
  plan: FolderPlan;
  /** The folder's rules at the start: `protect`, `exclude`, `minAgeMinutes` and `action` apply per file. */
  rules: FolderRules;
  /** Later rules: a change stops the run before the next file and the rest is checked against them. */
  liveRules?: LiveRules;
  /** Epoch ms, read once per file for the grace-period check. */
  nowMs: () => number;
  /** The host's trash, used only where the removal core cannot trash itself (Windows). */
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
  /** Tests: run the core on this thread through this port instead of the worker and the real addon. */
  dirFs?: DirFs;
  /** Tests of the fallback: remove through the path-based port even where the addon is built. */
  forcePathFallback?: boolean;
  /** Holds removals within reach of the run's last checkpoint on disk (removal-credit.ts). */
  credit?: RemovalCredit;
  /** Tests: the platform whose trash conventions apply. Default: this one. */
  platform?: NodeJS.Platform;
}

type FilesDone = (files: number, freedBytes: number, removed: number) => void;

const DEFAULT_RETRY_DELAY_MS = 2000;

/**
 * Carries out `plan` in `root` and reports, per file, what was removed, skipped (and why) or failed. A
 * plan of whole units (a model cache) goes unit by unit, never splitting one (execute-unit-plan.ts).
 */
export function executePlan(input: ExecutePlanInput): Promise<FolderRunResult> {
  return input.plan.units === undefined ? executeFilePlan(input) : executeUnitPlan(input, executeFilePlan);
}

async function executeFilePlan(input: ExecutePlanInput): Promise<FolderRunResult> {
  const { plan } = input;
  const result = emptyResult(plan);
  const progress = createProgressThrottle(input.onProgress, 100, input.progressEveryFiles);
  const state = { filesDone: 0, filesTotal: plan.remove.length, filesRemoved: 0, bytesFreed: 0 };
  progress.flush(state);
  const rootResult = await resolveRoot(input.root);
  if (!rootResult.ok) {
    refuseAll(result, plan.remove, rootResult);
    progress.flush({ ...state, filesDone: state.filesTotal });
    return result;
  }
  const onFilesDone: FilesDone = (files, freedBytes, removed) => {
    state.filesDone += files;
    state.filesRemoved += removed;
    state.bytesFreed += freedBytes;
    progress.update(state);
  };
  await runJobs(input, rootResult.root, result, onFilesDone);
  progress.flush({ ...state, filesRemoved: result.filesRemoved, bytesFreed: result.bytesFreed });
  return result;
}

/** One job, then another for the files left each time the rules change, until every file is decided. */
async function runJobs(
  input: ExecutePlanInput,
  root: RealRoot,
  result: FolderRunResult,
  onFilesDone: FilesDone,
) {
  let items: PlannedRemoval[] = input.plan.remove;
  let rules: FolderRules | null = input.rules;
  const removedBefore: string[] = [];
  while (items.length > 0) {
    if (rules === null) {
      const detail = 'the folder was disabled or removed from the configuration during the run';
      for (const item of items) result.skipped.push({ path: item.path, why: 'cancelled', detail });
      result.notes.push(
        `The folder was disabled or removed during the run: ${items.length} files were kept.`,
      );
      return;
    }
    const stop = new StopFlag();
    const onAbort = () => stop.set(STOP_CANCELLED);
    if (input.signal?.aborted) onAbort();
    input.signal?.addEventListener('abort', onAbort, { once: true });
    const stopListening = input.liveRules?.onChange(() => stop.set(STOP_RULES_CHANGED));
    let jobResult: JobResult;
    const job = buildJob(input, root, rules, items, removedBefore);
    try {
      jobResult = await runJob(input, job, stop, onFilesDone);
    } finally {
      input.signal?.removeEventListener('abort', onAbort);
      stopListening?.();
    }
    const left = await recordOutcomes(result, items, job, jobResult, input.trash ?? nodeTrash);
    removedBefore.push(...result.removed.map((r) => r.path));
    if (left.length === 0 || stop.get() !== STOP_RULES_CHANGED || input.signal?.aborted) {
      for (const item of left) {
        result.skipped.push({
          path: item.path,
          why: 'cancelled',
          detail: 'the run was cancelled before this file',
        });
      }
      return;
    }
    rules = input.liveRules?.current() ?? null;
    result.notes.push(
      `The configuration changed during the run: the last ${left.length} files were checked against the new rules.`,
    );
    items = left;
  }
}

function buildJob(
  input: ExecutePlanInput,
  root: RealRoot,
  rules: FolderRules,
  items: PlannedRemoval[],
  removedBefore: string[],
): RemovalJob {
  // The folder's own case rule, the one its plan was made with: the run keeps exactly what the preview kept.
  const globOptions = folderGlobOptions(rules);
  const protect = compileGlobs(rules.protect, globOptions);
  const exclude = compileGlobs(rules.exclude, globOptions);
  const jobRules: JobRules = {
    isProtected: protect,
    isExcluded: exclude,
    graceMs: rules.minAgeMinutes * MS_PER_MINUTE,
    nowMs: input.nowMs,
  };
  return {
    rootRealPath: root.realPath,
    rootDev: root.dev,
    rootIno: root.ino,
    ...jobFiles(jobRules, items),
    action: rules.action,
    dryRun: input.dryRun ?? false,
    trashPlace: trashPlace(process.env, input.platform),
    retryDelayMs: input.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    removedBefore: [...removedBefore],
    keepDirs: input.plan.keepDirs ?? [],
    forcePathFallback: input.forcePathFallback ?? false,
  };
}

/**
 * On the worker; should it die, nothing is known about the files it had reached: the job reruns on this
 * thread, which re-checks each (a file the worker removed is then `gone`), and progress already reported
 * is not counted twice.
 */
async function runJob(
  input: ExecutePlanInput,
  job: RemovalJob,
  stop: StopFlag,
  onFilesDone: FilesDone,
): Promise<JobResult> {
  const runner: DeleteJobRunner = input.dirFs ? runDeleteJobHere(input.dirFs) : runDeleteJobInWorker;
  let reported = 0;
  try {
    return await runner(job, {
      stop,
      // A dry run removes nothing, so nothing to hold back (its "removed" means "would be").
      credit: job.dryRun ? undefined : input.credit?.buffer,
      onFilesDone: (files, freed, removed) => {
        reported += files;
        onFilesDone(files, freed, removed);
      },
    });
  } catch {
    return runDeleteJobHere()(job, {
      stop,
      onFilesDone: (files, freed, removed) => {
        if (reported > 0) reported -= files;
        else onFilesDone(files, freed, removed);
      },
    });
  }
}

function emptyResult(plan: FolderPlan): FolderRunResult {
  return {
    name: plan.name,
    removed: [],
    skipped: [],
    errors: [],
    filesRemoved: 0,
    bytesFreed: 0,
    bytesRemoved: 0,
    bytesTrashed: 0,
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
