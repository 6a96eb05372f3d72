/** A fake at the Clock port: time moves and timers fire only when the test advances it. */
import type { Clock } from '../../electron/engine/ports.js';

export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing each due timer at its own time, in order. */
  advance(ms: number): void;
  /** Jumps the wall clock without firing timers (a laptop waking from sleep: timers were frozen). */
  jump(ms: number): void;
  pendingTimers(): number;
}

/** `timeZone`: the zone the clock's local times are read in (schedules by the clock). */
export function manualClock(startMs = 0, timeZone = 'UTC'): ManualClock {
  let nowMs = startMs;
  let timers: { atMs: number; fn: () => void }[] = [];
  return {
    now: () => nowMs,
    timeZone: () => timeZone,
    setTimeout(fn, delayMs) {
      const timer = { atMs: nowMs + Math.max(0, delayMs), fn };
      timers.push(timer);
      return () => (timers = timers.filter((t) => t !== timer));
    },
    advance(ms) {
      const endMs = nowMs + ms;
      for (;;) {
        const due = timers.filter((t) => t.atMs <= endMs).sort((a, b) => a.atMs - b.atMs)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        // A timer overdue after a jump fires now, not back in time.
        nowMs = Math.max(nowMs, due.atMs);
        due.fn();
      }
      nowMs = endMs;
    },
    jump(ms) {
      nowMs += ms;
    },
    pendingTimers: () => timers.length,
  };
}
