/**
 * One folder's progress reports during a run, fanned out: every report to the run's checkpoints (they
 * decide when to write), and to the UI at most one per 100 ms or 1,000 files, always the first and last.
 */
import type { EventPayloads } from '../../../shared/bridge.js';
import type { ExecuteProgress } from '../executor/progress-throttle.js';
import { createProgressThrottle } from '../executor/progress-throttle.js';

/**
 * How often to ask the executor for reports: each of the delete worker's batches, so checkpoints see
 * removals within a batch of their happening.
 */
export const PROGRESS_EVERY_FILES = 64;

const UI_EVERY_MS = 100;
const UI_EVERY_FILES = 1000;

export function folderProgress(
  emit: (payload: EventPayloads['cleanupProgress']) => void,
  runId: string,
  folder: string,
  checkpoint?: (p: ExecuteProgress) => void,
): (p: ExecuteProgress) => void {
  const ui = createProgressThrottle(
    ({ filesDone, filesTotal, bytesFreed }) => emit({ runId, folder, filesDone, filesTotal, bytesFreed }),
    UI_EVERY_MS,
    UI_EVERY_FILES,
  );
  return (p) => {
    checkpoint?.(p);
    if (p.filesDone === 0 || p.filesDone === p.filesTotal) ui.flush(p);
    else ui.update(p);
  };
}
