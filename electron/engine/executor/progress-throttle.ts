/**
 * Limits progress reports on large runs: a report goes out when `intervalMs` has passed since the last
 * one, or `everyFiles` files have been done since, and always at the start and the end.
 */

import { monotonicMs } from '../fs/monotonic-ms.js';

export interface ExecuteProgress {
  /** Files decided so far: removed, skipped or failed. */
  filesDone: number;
  filesTotal: number;
  /**
   * Of the files done, those removed (or moved to the trash) so far: never more than really went, so a
   * checkpoint of a run cut short can trust it. Exact in the last report.
   */
  filesRemoved?: number;
  bytesFreed: number;
}

export interface ProgressThrottle {
  /** Reports `p` if enough time or files have passed since the last report. */
  update(p: ExecuteProgress): void;
  /** Reports `p` unconditionally (start and end of a run). */
  flush(p: ExecuteProgress): void;
}

/**
 * Time here is a monotonic stopwatch (monotonicMs), not the engine's clock: it only paces the UI
 * and never decides what is removed.
 */
export function createProgressThrottle(
  onProgress: ((p: ExecuteProgress) => void) | undefined,
  intervalMs = 100,
  everyFiles = 1000,
): ProgressThrottle {
  let lastAtMs = -Infinity;
  let lastFiles = -1;
  const emit = (p: ExecuteProgress) => {
    lastAtMs = monotonicMs();
    lastFiles = p.filesDone;
    onProgress?.({ ...p });
  };
  return {
    update(p) {
      if (!onProgress || p.filesDone === lastFiles) return;
      if (monotonicMs() - lastAtMs >= intervalMs || p.filesDone - lastFiles >= everyFiles) emit(p);
    },
    flush(p) {
      if (onProgress) emit(p);
    },
  };
}
