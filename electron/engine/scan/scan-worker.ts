/**
 * Worker entry (bundled as `out/main/scan-worker.js`): walks the folders it is handed and posts the result
 * back as transferable buffers, so a million files cross the thread boundary without a million objects.
 */
import { parentPort } from 'node:worker_threads';
import { byteListTransfer } from './byte-list.js';
import type { WalkTask } from './scan-types.js';
import { walkDirs } from './walk-dirs.js';

const port = parentPort;
if (port) {
  port.on('message', (task: WalkTask) => {
    const chunk = walkDirs(task);
    const f = chunk.files;
    const transfer = [f.pathBytes, f.pathOffsets, f.sizeBytes, f.mtimeMs, f.dev, f.ino].map(
      (a) => a.buffer as ArrayBuffer,
    );
    port.postMessage(chunk, [
      ...transfer,
      ...byteListTransfer(chunk.dirs),
      ...byteListTransfer(chunk.pending),
    ]);
  });
}
