/**
 * Worker entry (bundled as `out/main/delete-worker.mjs`): runs one removal job at a time with synchronous
 * calls (electron/engine/removal), reporting progress every few hundred files or tens of milliseconds.
 * The stop flag arrives through shared memory, so it is seen between files while the thread is busy.
 */
import { parentPort } from 'node:worker_threads';
import { runRemovalJob } from '../removal/run-removal-job.js';
import { STOP_NONE } from '../removal/removal-job.js';
import type { WorkerReply, WorkerRequest } from './delete-protocol.js';
import { creditGate } from './removal-credit.js';

const PROGRESS_EVERY_FILES = 256;
const PROGRESS_EVERY_MS = 50;

function run(request: WorkerRequest, post: (reply: WorkerReply) => void): void {
  const stop = new Int32Array(request.stop);
  let files = 0;
  let removed = 0;
  let freedBytes = 0;
  let lastPostMs = performance.now();
  const flush = () => {
    post({ id: request.id, kind: 'progress', files, removed, freedBytes });
    files = 0;
    removed = 0;
    freedBytes = 0;
    lastPostMs = performance.now();
  };
  const stopped = () => Atomics.load(stop, 0) !== STOP_NONE;
  const credit = request.credit ? creditGate(request.credit, stopped, flush) : null;
  const result = runRemovalJob(request.job, {
    stop: () => {
      credit?.waitForCredit();
      return Atomics.load(stop, 0);
    },
    onFileDone: (bytes, wasRemoved) => {
      files++;
      if (wasRemoved) {
        removed++;
        credit?.removed();
      }
      freedBytes += bytes;
      if (files >= PROGRESS_EVERY_FILES || performance.now() - lastPostMs >= PROGRESS_EVERY_MS) flush();
    },
    sleep: (ms) => void Atomics.wait(stop, 0, STOP_NONE, ms),
    nowMs: () => Date.now(),
  });
  if (files > 0) flush();
  post({ id: request.id, kind: 'done', result });
}

const port = parentPort;
if (port) port.on('message', (request: WorkerRequest) => run(request, (reply) => port.postMessage(reply)));
