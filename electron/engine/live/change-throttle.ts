/**
 * Leading-and-trailing throttle for "something changed" notifications: the first change is reported at
 * once, later ones at most every `intervalMs`, so a burst of 10,000 files yields a handful of events.
 */
import type { Clock, Disposer } from '../ports.js';

export class ChangeThrottle {
  private cancelTimer: Disposer | null = null;
  private dirty = false;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly emit: () => void,
  ) {}

  /** Notes a change; emits now or at the end of the current interval. */
  mark(): void {
    if (this.cancelTimer !== null) {
      this.dirty = true;
      return;
    }
    this.emit();
    this.cancelTimer = this.clock.setTimeout(() => this.tick(), this.intervalMs);
  }

  dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.dirty = false;
  }

  private tick(): void {
    this.cancelTimer = null;
    if (!this.dirty) return;
    this.dirty = false;
    this.mark();
  }
}
