/**
 * Runs a delete job on the delete worker thread, so the synchronous calls never block the host's event
 * loop. One worker serves the process, started on first use (50 ms from the bundle) and kept, unref'd,
 * while idle: runs queue on it one after another. If it dies, the jobs in flight fail and the next run
 * starts a new one.
 */
import type { Worker } from 'node:worker_threads';
import type { DeleteJob, JobOutcome } from './delete-job.js';
import { deleteFilesSync, type SyncFsOps } from './delete-files-sync.js';
import type { WorkerReply, WorkerRequest } from './delete-protocol.js';
import { startDeleteWorker } from './start-delete-worker.js';

export interface JobHooks {
  signal: AbortSignal | undefined;
  /** Called as files finish, with how many finished since the last call and the bytes they freed. */
  onFilesDone: (files: number, freedBytes: number) => void;
}

/** Carries out a job somewhere; resolves with each file's outcome (`undefined`: not started, cancelled). */
export type DeleteJobRunner = (job: DeleteJob, hooks: JobHooks) => Promise<(JobOutcome | undefined)[]>;

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
  const w = startDeleteWorker();
  w.on('message', (reply: WorkerReply) => pending.get(reply.id)?.onReply(reply));
  w.on('error', (error) => failAll(w, error));
  w.on('exit', (code) => failAll(w, new Error(`the delete worker exited (code ${code})`)));
  worker = w;
  return w;
}

/** Longest silence from the delete worker before it is ended and its job rerun on the async path. */
export const WORKER_SILENCE_MS = 30_000;

/** The production runner: the job runs on the shared worker thread with the real file system. */
export const runDeleteJobInWorker: DeleteJobRunner = (job, hooks) =>
  new Promise((resolve, reject) => {
    const w = sharedWorker();
    const id = nextId++;
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    const onAbort = () => Atomics.store(flag, 0, 1);
    if (hooks.signal?.aborted) onAbort();
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    // The worker reports at least every 50 ms while files complete. Silent for this long, it is stuck (a
    // hung system call, a bug): end it, and the plan reruns on the asynchronous path, which re-checks every
    // file, instead of a cleanup that never finishes and blocks every later one.
    let watchdog: NodeJS.Timeout | undefined;
    const feedWatchdog = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => void w.terminate(), WORKER_SILENCE_MS);
    };
    feedWatchdog();
    const settle = () => {
      clearTimeout(watchdog);
      hooks.signal?.removeEventListener('abort', onAbort);
      pending.delete(id);
      if (pending.size === 0) worker?.unref();
    };
    pending.set(id, {
      onReply: (reply) => {
        feedWatchdog();
        if (reply.kind === 'progress') return hooks.onFilesDone(reply.files, reply.freedBytes);
        settle();
        resolve(reply.outcomes);
      },
      fail: (error) => {
        settle();
        reject(error);
      },
    });
    // While a job runs the worker keeps the process alive; idle, it never holds it open.
    w.ref();
    const request: WorkerRequest = { id, job, cancel };
    w.postMessage(request);
  });

/**
 * A runner on the caller's thread with a synchronous port of its own: for tests and the race fuzzer,
 * which fire file-system changes at exact calls of the same core the worker runs.
 */
export function runDeleteJobHere(ops: SyncFsOps): DeleteJobRunner {
  return async (job, hooks) =>
    deleteFilesSync(job, ops, {
      cancelled: () => hooks.signal?.aborted ?? false,
      onFileDone: (freedBytes) => hooks.onFilesDone(1, freedBytes),
    });
}
