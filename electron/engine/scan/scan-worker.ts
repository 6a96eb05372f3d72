/**
 * Worker entry (bundled as `out/main/scan-worker.mjs`): walks the folders it is handed to the end, posting
 * a batch every `budgetEntries` entries as transferable buffers (a million files cross the thread boundary
 * without a million objects). It never waits for the host between batches; when the host flags that
 * another worker is idle, it hands back half of its pending folders with the next batch.
 */
import { parentPort } from 'node:worker_threads';
import { byteListTransfer, packByteList, unpackByteList } from './byte-list.js';
import type { WorkerReport, WorkerTask } from './scan-types.js';
import { walkDirs } from './walk-dirs.js';

const port = parentPort;
if (port) {
  port.on('message', ({ task, shareWanted, stop }: WorkerTask) => {
    const stopped = () => Atomics.load(stop, 0) !== 0;
    const wanted = () => Atomics.load(shareWanted, 0) !== 0 || stopped();
    let dirs = task.dirs;
    for (;;) {
      const chunk = walkDirs({ ...task, dirs }, wanted);
      const pending = unpackByteList(chunk.pending);
      // The far end of the stack holds the shallowest folders, the largest shares of what is left.
      const shared =
        pending.length > 1 && Atomics.compareExchange(shareWanted, 0, 1, 0) === 1
          ? pending.splice(Math.ceil(pending.length / 2))
          : [];
      const report: WorkerReport = {
        files: chunk.files,
        dirs: chunk.dirs,
        unreadable: chunk.unreadable,
        shared: packByteList(shared),
        done: pending.length === 0,
      };
      const f = chunk.files;
      const columns = [f.pathBytes, f.pathOffsets, f.sizeBytes, f.mtimeMs, f.dev, f.ino];
      port.postMessage(report, [
        ...columns.map((a) => a.buffer as ArrayBuffer),
        ...byteListTransfer(report.dirs),
        ...byteListTransfer(report.shared),
      ]);
      if (report.done || stopped()) return;
      dirs = packByteList(pending);
    }
  });
}
