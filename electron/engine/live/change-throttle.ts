/**
 * "Something changed" notifications, leading-and-trailing throttled: the first change is reported at once,
 * later ones at most every `intervalMs`, so a burst of 10,000 files yields a handful of events.
 */
import type { Clock, Disposer } from '../ports.js';

export class ChangeThrottle {
  private readonly listeners = new Set<() => void>();
  private cancelTimer: Disposer | null = null;
  private dirty = false;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
  ) {}

  listen(listener: () => void): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Notes a change; notifies now or at the end of the current interval. */
  mark(): void {
    if (this.cancelTimer !== null) {
      this.dirty = true;
      return;
    }
    for (const listener of this.listeners) listener();
    this.cancelTimer = this.clock.setTimeout(() => this.tick(), this.intervalMs);
  }

  dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.dirty = false;
    this.listeners.clear();
  }

  private tick(): void {
    this.cancelTimer = null;
    if (!this.dirty) return;
    this.dirty = false;
    this.mark();
  }
}
