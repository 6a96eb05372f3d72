import { describe, expect, it } from 'vitest';
import {
  emergencyAllowed,
  isDue,
  nextRunAtMs,
  startupRunDue,
  type ScheduleInput,
} from '../../../electron/core/schedule.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../../shared/units.js';

const T0 = Date.UTC(2025, 2, 10, 8, 0, 0);
const h = (hours: number): number => T0 + hours * MS_PER_HOUR;

const input = (i: Partial<ScheduleInput>): ScheduleInput => ({
  lastRunAtMs: h(0),
  intervalHours: 5,
  pausedUntilMs: null,
  startedAtMs: h(0),
  nowMs: h(0),
  ...i,
});

describe('nextRunAtMs / isDue', () => {
  it.each([
    { what: 'right after a run', i: { nowMs: h(0.1) }, next: h(5), due: false },
    {
      what: 'restart before the deadline keeps it',
      i: { startedAtMs: h(3), nowMs: h(3) },
      next: h(5),
      due: false,
    },
    {
      what: 'restart after the deadline is due',
      i: { startedAtMs: h(7), nowMs: h(7) },
      next: h(5),
      due: true,
    },
    { what: 'exactly at the deadline is due', i: { nowMs: h(5) }, next: h(5), due: true },
    { what: 'sleep across several intervals is one deadline', i: { nowMs: h(23) }, next: h(5), due: true },
    {
      what: 'never run: start + interval',
      i: { lastRunAtMs: null, startedAtMs: h(2), nowMs: h(2) },
      next: h(7),
      due: false,
    },
    { what: 'paused past the deadline', i: { pausedUntilMs: h(9), nowMs: h(6) }, next: h(9), due: false },
    { what: 'paused, pause over', i: { pausedUntilMs: h(9), nowMs: h(9) }, next: h(5), due: true },
    {
      what: 'paused until before the deadline',
      i: { pausedUntilMs: h(2), nowMs: h(1) },
      next: h(5),
      due: false,
    },
    { what: 'clock set back a day', i: { lastRunAtMs: h(24), nowMs: h(0) }, next: h(5), due: false },
    { what: 'fractional interval', i: { intervalHours: 0.5, nowMs: h(0.25) }, next: h(0.5), due: false },
  ])('$what', ({ i, next, due }) => {
    expect(nextRunAtMs(input(i))).toBe(next);
    expect(isDue(input(i))).toBe(due);
  });
});

describe('catching up after a sleep', () => {
  it('runs once after sleeping across several deadlines, then schedules from the run', () => {
    const woke = h(23) + 47 * MS_PER_MINUTE;
    expect(isDue(input({ nowMs: woke }))).toBe(true);
    // The run starts at `woke`; asked again a minute later, nothing is due until the new deadline.
    const after = input({ lastRunAtMs: woke, nowMs: woke + MS_PER_MINUTE });
    expect(isDue(after)).toBe(false);
    expect(nextRunAtMs(after)).toBe(woke + 5 * MS_PER_HOUR);
  });

  it('does not run before the deadline', () => {
    expect(isDue(input({ nowMs: h(4) }))).toBe(false);
    expect(nextRunAtMs(input({ nowMs: h(4) }))).toBe(h(5));
  });

  it('waits for a pause to end even when overdue', () => {
    expect(isDue(input({ nowMs: h(8), pausedUntilMs: h(10) }))).toBe(false);
    expect(nextRunAtMs(input({ nowMs: h(8), pausedUntilMs: h(10) }))).toBe(h(10));
  });
});

describe('startupRunDue', () => {
  it.each([
    { cleanupOnStartup: true, pausedUntilMs: null, due: true },
    { cleanupOnStartup: false, pausedUntilMs: null, due: false },
    { cleanupOnStartup: true, pausedUntilMs: h(1), due: false },
    { cleanupOnStartup: true, pausedUntilMs: h(-1), due: true },
  ])('cleanup_on_startup $cleanupOnStartup, paused until $pausedUntilMs → $due', ({ due, ...rest }) => {
    expect(startupRunDue({ ...rest, nowMs: h(0) })).toBe(due);
  });

  it('first run ever without start-up cleanup waits one interval from start-up', () => {
    const i = input({ lastRunAtMs: null, startedAtMs: h(0), nowMs: h(0) });
    expect(startupRunDue({ cleanupOnStartup: false, pausedUntilMs: null, nowMs: h(0) })).toBe(false);
    expect(isDue(i)).toBe(false);
    expect(nextRunAtMs(i)).toBe(h(5));
    expect(isDue({ ...i, nowMs: h(5) })).toBe(true);
  });
});

describe('emergencyAllowed', () => {
  it.each([
    { last: null, now: h(0), allowed: true },
    { last: h(0), now: h(0) + 9 * MS_PER_MINUTE, allowed: false },
    { last: h(0), now: h(0) + 10 * MS_PER_MINUTE, allowed: true },
    { last: h(1), now: h(0), allowed: true },
  ])('last $last, now $now → $allowed', ({ last, now, allowed }) => {
    expect(emergencyAllowed(last, now)).toBe(allowed);
  });

  it('takes a custom cooldown', () => {
    expect(emergencyAllowed(h(0), h(0) + 30_000, 60_000)).toBe(false);
    expect(emergencyAllowed(h(0), h(0) + 60_000, 60_000)).toBe(true);
  });
});
