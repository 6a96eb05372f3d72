/**
 * Per-path debounce with a single timer: a path is released only after `settleMs` without a new touch,
 * so a file still being written is not reported until it stops changing. Releases are batched: every
 * path that settled by the time the timer fires goes out in one call.
 */
export class SettleQueue {
  /** Path → last touch (performance.now() ms). Re-inserting on touch keeps the map ordered by last touch. */
  private readonly pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  /**
   * @param settleMs quiet time a path needs before it is released
   * @param minDelayMs shortest wait between releases, so bursts coalesce into few batches
   * @param onSettled receives each batch of settled paths, oldest first
   */
  constructor(
    private readonly settleMs: number,
    private readonly minDelayMs: number,
    private readonly onSettled: (paths: string[]) => void,
  ) {}

  touch(path: string): void {
    if (this.closed) return;
    this.pending.delete(path);
    this.pending.set(path, performance.now());
    if (this.timer === null) this.schedule(this.settleMs);
  }

  get size(): number {
    return this.pending.size;
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => this.release(), Math.max(this.minDelayMs, delayMs));
  }

  private release(): void {
    this.timer = null;
    const now = performance.now();
    const settled: string[] = [];
    let nextDueMs: number | null = null;
    for (const [path, touchedMs] of this.pending) {
      const dueMs = touchedMs + this.settleMs;
      if (dueMs > now) {
        nextDueMs = dueMs;
        break;
      }
      settled.push(path);
    }
    for (const path of settled) this.pending.delete(path);
    if (nextDueMs !== null) this.schedule(nextDueMs - now);
    if (settled.length > 0) this.onSettled(settled);
  }
}
