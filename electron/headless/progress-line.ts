/**
 * The progress of a clean, on a terminal's stderr: nothing for a clean that ends within a second; after
 * that one line, redrawn in place at most every 100 ms ("Cleaning: 4,500 of 5,000 files, 5 MB freed,
 * 2,250 files/s"), and erased at the end so the report follows on a clean screen. The caller only makes
 * one when stderr is a terminal: in a pipe or a log file a redrawn line is noise, and the report on stdout
 * already gives the totals.
 */
import { formatBytes, formatCount } from '../../shared/format.js';
import type { CleanupProgress } from '../../shared/types.js';

const CLEAR_LINE = '\r\u001b[2K';
const SHOW_AFTER_MS = 1000;
const REDRAW_MS = 100;

export interface ProgressLineOptions {
  write: (text: string) => void;
  nowMs: () => number;
}

export class ProgressLine {
  private readonly startedMs: number;
  private readonly folders = new Map<string, CleanupProgress>();
  private drawnMs: number | null = null;

  constructor(private readonly options: ProgressLineOptions) {
    this.startedMs = options.nowMs();
  }

  /** Takes a folder's latest figures (the engine reports per folder, cumulative). */
  update(progress: CleanupProgress): void {
    this.folders.set(progress.folder, progress);
    const now = this.options.nowMs();
    if (now - this.startedMs < SHOW_AFTER_MS) return;
    if (this.drawnMs !== null && now - this.drawnMs < REDRAW_MS) return;
    this.drawnMs = now;
    this.options.write(CLEAR_LINE + this.text(now));
  }

  /** Erases the line, if one was drawn. */
  finish(): void {
    if (this.drawnMs !== null) this.options.write(CLEAR_LINE);
    this.drawnMs = null;
  }

  private text(now: number): string {
    let done = 0;
    let total = 0;
    let bytes = 0;
    for (const p of this.folders.values()) {
      done += p.filesDone;
      total += p.filesTotal;
      bytes += p.bytesFreed;
    }
    const rate = Math.round(done / Math.max(0.001, (now - this.startedMs) / 1000));
    return (
      `Cleaning: ${formatCount(done)} of ${formatCount(total)} files, ${formatBytes(bytes)} freed, ` +
      `${formatCount(rate)} files/s`
    );
  }
}
