/**
 * Runs every planned file through `processPlannedFile`, a few at a time, records each outcome in plan
 * order, and gives files that failed with a transient error one more try.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FolderRunResult, PlannedRemoval } from '../../../shared/types.js';
import { errorCode, errorMessage } from './fs-ops.js';
import { buildDeleteJob } from './delete-job.js';
import { processPlannedFile, type FileContext, type FileOutcome } from './process-planned-file.js';
import type { DeleteJobRunner } from './run-delete-job.js';

export interface CarryOutOptions {
  items: PlannedRemoval[];
  signal: AbortSignal | undefined;
  retryDelayMs: number;
  /**
   * Files in flight at once. Each file's own check-then-remove sequence stays strictly in order; running
   * a few files side by side only hides the thread-pool latency of each `lstat` (about 4x faster on
   * large runs, measured in the executor's report).
   */
  concurrency: number;
  /** Called as files of the first pass finish: how many since the last call, and the bytes they freed. */
  onFilesDone: (files: number, freedBytes: number) => void;
  /**
   * Where the first pass runs when it may go fast (plain deletes with the real file system): the delete
   * worker, or a synchronous port on this thread in tests. `null`: file by file through `ctx.fsOps`.
   */
  fastPath: DeleteJobRunner | null;
}

const CANCELLED = 'the run was cancelled before this file';

/** Carries out `items` into `result`; never throws for a file's failure. */
export async function carryOutFiles(ctx: FileContext, opts: CarryOutOptions, result: FolderRunResult) {
  const outcomes = opts.fastPath ? await fastFirstPass(ctx, opts, opts.fastPath) : await firstPass(ctx, opts);
  const retries: PlannedRemoval[] = [];
  opts.items.forEach((item, i) => {
    const outcome = outcomes[i];
    if (outcome === undefined) result.skipped.push({ path: item.path, why: 'cancelled', detail: CANCELLED });
    else if (outcome.kind === 'transient') retries.push(item);
    else record(result, item, outcome);
  });
  await retryPass(ctx, opts, result, retries);
}

/**
 * Every file once, in plan order, `concurrency` at a time. Cancellation is checked before each file is
 * started; files already started finish.
 */
async function firstPass(ctx: FileContext, opts: CarryOutOptions) {
  const outcomes: (FileOutcome | undefined)[] = new Array(opts.items.length);
  let next = 0;
  const worker = async () => {
    while (next < opts.items.length && !opts.signal?.aborted) {
      const i = next++;
      const item = opts.items[i] as PlannedRemoval;
      const outcome = await safely(ctx, item);
      outcomes[i] = outcome;
      opts.onFilesDone(1, outcome.kind === 'removed' ? item.sizeBytes : 0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  return outcomes;
}

/**
 * The first pass on the fast path, same outcomes in the same order. Should the worker die, nothing is
 * known about the files it had reached: they all go through the file-by-file pass, which re-checks each
 * (a file the worker removed is then `gone`), and progress already reported is not counted twice.
 */
async function fastFirstPass(ctx: FileContext, opts: CarryOutOptions, runner: DeleteJobRunner) {
  let reported = 0;
  try {
    const outcomes = await runner(buildDeleteJob(ctx, opts.items), {
      signal: opts.signal,
      onFilesDone: (files, freedBytes) => {
        reported += files;
        opts.onFilesDone(files, freedBytes);
      },
    });
    return outcomes.map((o): FileOutcome | undefined => (o === null ? { kind: 'removed' } : o));
  } catch {
    const onFilesDone = (files: number, freedBytes: number) => {
      if (reported > 0) reported -= files;
      else opts.onFilesDone(files, freedBytes);
    };
    return firstPass(ctx, { ...opts, onFilesDone });
  }
}

/**
 * Files that failed with a transient error get one more try after `retryDelayMs` (one wait for all of
 * them, not one each); a second transient failure leaves them for the next run as `retry-later`.
 */
async function retryPass(
  ctx: FileContext,
  opts: CarryOutOptions,
  result: FolderRunResult,
  retries: PlannedRemoval[],
) {
  if (retries.length === 0) return;
  try {
    await sleep(opts.retryDelayMs, undefined, { signal: opts.signal });
  } catch {
    // Aborted while waiting: the files are recorded as cancelled below.
  }
  for (const item of retries) {
    if (opts.signal?.aborted) {
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
