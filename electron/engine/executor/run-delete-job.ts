/**
 * Runs a removal job on the delete worker thread, so the synchronous calls never block the host's event
 * loop. One worker serves the process, started on first use and kept, unref'd, while idle: jobs queue on
 * it one after another. If it dies, the jobs in flight fail and the next run starts a new one.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../fs/start-worker.js';
import type { DirFs } from '../removal/dir-fs.js';
import type { JobResult, RemovalJob } from '../removal/removal-job.js';
import { runRemovalJob } from '../removal/run-removal-job.js';
import type { WorkerReply, WorkerRequest } from './delete-protocol.js';
import type { StopFlag } from './stop-flag.js';

export interface JobHooks {
  stop: StopFlag;
  /**
   * Called as files finish, with how many finished since the last call, how many of those were removed,
   * and the disk bytes they freed.
   */
  onFilesDone: (files: number, freedBytes: number, removed: number) => void;
  /**
   * The folder's removal credit: on the worker, removals wait for checkpoints (removal-credit.ts). A job
   * on the host's own thread never waits for it: the checkpoints are written by that thread.
   */
  credit?: SharedArrayBuffer;
}

/** Carries out a job somewhere and resolves with its result. */
export type DeleteJobRunner = (job: RemovalJob, hooks: JobHooks) => Promise<JobResult>;

interface Pending {
  onReply: (reply: WorkerReply) => void;
  fail: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(from: Worker, error: Error): void {
  if (worker !== from) return;
  worker = null;
  for (const p of pending.values()) p.fail(error);
  pending.clear();
}

function sharedWorker(): Worker {
  if (worker) return worker;
  const w = startWorker('delete-worker', import.meta.url);
  w.on('message', (reply: WorkerReply) => pending.get(reply.id)?.onReply(reply));
  w.on('error', (error) => failAll(w, error));
  w.on('exit', (code) => failAll(w, new Error(`the delete worker exited (code ${code})`)));
  worker = w;
  return w;
}

/** Longest silence from the delete worker before it is ended and its job rerun on this thread. */
export const WORKER_SILENCE_MS = 30_000;

/** The production runner: the job runs on the shared worker thread with the real file system. */
export const runDeleteJobInWorker: DeleteJobRunner = (job, hooks) =>
  new Promise((resolve, reject) => {
    const w = sharedWorker();
    const id = nextId++;
    // The worker reports at least every 50 ms while files complete (and waits at most the retry delay).
    // Silent for this long, it is stuck (a hung system call, a bug): end it, and the job reruns here.
    let watchdog: NodeJS.Timeout | undefined;
    const feedWatchdog = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => void w.terminate(), WORKER_SILENCE_MS + job.retryDelayMs);
    };
    feedWatchdog();
    const settle = () => {
      clearTimeout(watchdog);
      pending.delete(id);
      if (pending.size === 0) worker?.unref();
    };
    pending.set(id, {
      onReply: (reply) => {
        feedWatchdog();
        if (reply.kind === 'progress') return hooks.onFilesDone(reply.files, reply.freedBytes, reply.removed);
        settle();
        resolve(reply.result);
      },
      fail: (error) => {
        settle();
        reject(error);
      },
    });
    // While a job runs the worker keeps the process alive; idle, it never holds it open.
    w.ref();
    const request: WorkerRequest = { id, job, stop: hooks.stop.buffer, credit: hooks.credit };
    w.postMessage(request);
  });

/**
 * A runner on the caller's thread: for tests, which fire file-system changes at exact calls through a
 * `DirFs` of their own, and for the rerun of a job whose worker died.
 */
export function runDeleteJobHere(dirFs?: DirFs): DeleteJobRunner {
  return async (job, hooks) =>
    runRemovalJob(
      job,
      {
        stop: () => hooks.stop.get(),
        onFileDone: (freedBytes, removed) => hooks.onFilesDone(1, freedBytes, removed ? 1 : 0),
        sleep: (ms) => hooks.stop.sleep(ms),
        nowMs: () => Date.now(),
      },
      dirFs,
    );
}
