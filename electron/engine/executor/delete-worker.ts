/**
 * Worker entry (bundled as `out/main/delete-worker.js`): checks and unlinks the files of one job at a
 * time with synchronous calls, reporting progress every few hundred files or tens of milliseconds.
 * Cancellation arrives through a shared flag, so it is seen between files while the thread is busy.
 */
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { deleteFilesSync, type SyncFsOps } from './delete-files-sync.js';
import type { WorkerReply, WorkerRequest } from './delete-protocol.js';

const PROGRESS_EVERY_FILES = 256;
const PROGRESS_EVERY_MS = 50;

const realFs: SyncFsOps = { lstat: (p) => fs.lstatSync(p), unlink: (p) => fs.unlinkSync(p) };

function run(request: WorkerRequest, post: (reply: WorkerReply) => void): void {
  const cancel = new Int32Array(request.cancel);
  let files = 0;
  let freedBytes = 0;
  let lastPostMs = performance.now();
  const flush = () => {
    post({ id: request.id, kind: 'progress', files, freedBytes });
    files = 0;
    freedBytes = 0;
    lastPostMs = performance.now();
  };
  const outcomes = deleteFilesSync(request.job, realFs, {
    cancelled: () => Atomics.load(cancel, 0) !== 0,
    onFileDone: (bytes) => {
      files++;
      freedBytes += bytes;
      if (files >= PROGRESS_EVERY_FILES || performance.now() - lastPostMs >= PROGRESS_EVERY_MS) flush();
    },
  });
  if (files > 0) flush();
  post({ id: request.id, kind: 'done', outcomes });
}

const port = parentPort;
if (port) port.on('message', (request: WorkerRequest) => run(request, (reply) => port.postMessage(reply)));
