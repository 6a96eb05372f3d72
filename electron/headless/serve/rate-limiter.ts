/**
 * A sliding-window limit: at most `limit` events in any `windowMs`. Cleanup requests over HTTP go through one,
 * so a script (or a page that learned the token) cannot keep the disk busy with back-to-back runs.
 */
export class RateLimiter {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event and returns true, or returns false (recording nothing) when the window is full. */
  tryTake(): boolean {
    const nowMs = this.now();
    while (this.times.length > 0 && (this.times[0] ?? 0) <= nowMs - this.windowMs) this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(nowMs);
    return true;
  }

  /** Milliseconds until the next event would be accepted (0 when one would be now). */
  retryAfterMs(): number {
    if (this.times.length < this.limit) return 0;
    return Math.max(0, (this.times[0] ?? 0) + this.windowMs - this.now());
  }
}
