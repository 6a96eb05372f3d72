/** At most one pending timed action (the next poll, the next look for a missing root, a deferred rescan). */
import type { Clock, Disposer } from '../ports.js';

export class NextAction {
  private cancel: Disposer | null = null;
  private disposed = false;

  constructor(private readonly clock: Clock) {}

  /** Replaces whatever was pending with `action` in `delayMs`. */
  set(delayMs: number, action: () => void): void {
    this.clear();
    if (this.disposed) return;
    this.cancel = this.clock.setTimeout(() => {
      this.cancel = null;
      if (!this.disposed) action();
    }, delayMs);
  }

  clear(): void {
    this.cancel?.();
    this.cancel = null;
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }
}
