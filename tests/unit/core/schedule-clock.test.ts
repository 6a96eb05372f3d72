/**
 * Schedules by the clock (issue 16, deliverable 1): `daily_at` and `weekly` deadlines read in a named time
 * zone, across daylight-saving changes, with an overdue run happening once.
 */
import { describe, expect, it } from 'vitest';
import { instantOf, localParts } from '../../../electron/core/local-time.js';
import { isDue, nextClockTimeAfter, nextRunAtMs } from '../../../electron/core/schedule.js';
import type { ClockSchedule } from '../../../shared/types.js';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const utc = (iso: string) => Date.parse(iso);
const daily = (hhmm: string): ClockSchedule => {
  const [h, m] = hhmm.split(':').map(Number);
  return { minuteOfDay: (h as number) * 60 + (m as number), weekday: null };
};

function input(over: Partial<Parameters<typeof nextRunAtMs>[0]> = {}) {
  return {
    lastRunAtMs: null,
    intervalHours: null,
    at: daily('03:00'),
    timeZone: BERLIN,
    pausedUntilMs: null,
    startedAtMs: utc('2026-06-10T08:00:00Z'),
    nowMs: utc('2026-06-10T08:00:00Z'),
    ...over,
  };
}

describe('local times in a named zone', () => {
  it('reads the wall clock of the zone, not of this process', () => {
    expect(localParts(utc('2026-06-10T01:00:00Z'), BERLIN)).toMatchObject({ hour: 3, minute: 0, weekday: 3 });
    expect(localParts(utc('2026-06-10T01:00:00Z'), NEW_YORK)).toMatchObject({ day: 9, hour: 21 });
  });

  it('maps a time skipped by spring-forward to the end of the gap, a repeated one to its first occurrence', () => {
    expect(instantOf({ year: 2026, month: 3, day: 29 }, 2, 30, BERLIN)).toBe(utc('2026-03-29T01:00:00Z'));
    expect(instantOf({ year: 2026, month: 10, day: 25 }, 2, 30, BERLIN)).toBe(utc('2026-10-25T00:30:00Z'));
    expect(instantOf({ year: 2026, month: 3, day: 8 }, 2, 30, NEW_YORK)).toBe(utc('2026-03-08T07:00:00Z'));
    expect(instantOf({ year: 2026, month: 11, day: 1 }, 1, 30, NEW_YORK)).toBe(utc('2026-11-01T05:30:00Z'));
  });
});

describe('daily_at', () => {
  it('never run: the first 03:00 after start-up; then each day at 03:00 local, summer or winter', () => {
    expect(nextRunAtMs(input())).toBe(utc('2026-06-11T01:00:00Z'));
    const lastRunAtMs = utc('2026-06-11T01:00:00Z');
    expect(nextRunAtMs(input({ lastRunAtMs, nowMs: lastRunAtMs + 60_000 }))).toBe(
      utc('2026-06-12T01:00:00Z'),
    );
    const winter = utc('2026-12-01T02:00:00Z');
    expect(nextRunAtMs(input({ lastRunAtMs: winter, nowMs: winter }))).toBe(utc('2026-12-02T02:00:00Z'));
  });

  it('02:30 on the spring-forward day runs once, when the gap ends, and at 02:30 the day after', () => {
    const at = daily('02:30');
    const before = utc('2026-03-28T01:30:00Z');
    const first = nextRunAtMs(input({ at, lastRunAtMs: before, nowMs: before }));
    expect(first).toBe(utc('2026-03-29T01:00:00Z'));
    const after = first as number;
    expect(nextRunAtMs(input({ at, lastRunAtMs: after, nowMs: after }))).toBe(utc('2026-03-30T00:30:00Z'));
  });

  it('02:30 on the fall-back day (it happens twice) runs once', () => {
    const at = daily('02:30');
    const first = utc('2026-10-25T00:30:00Z');
    expect(nextRunAtMs(input({ at, lastRunAtMs: utc('2026-10-24T00:30:00Z'), nowMs: first - 1 }))).toBe(
      first,
    );
    expect(nextRunAtMs(input({ at, lastRunAtMs: first, nowMs: first }))).toBe(utc('2026-10-26T01:30:00Z'));
  });

  it('after three days switched off, an overdue run happens once, and the next is tomorrow at 03:00', () => {
    const lastRunAtMs = utc('2026-06-07T01:00:00Z');
    const nowMs = utc('2026-06-10T07:47:00Z');
    expect(isDue(input({ lastRunAtMs, nowMs }))).toBe(true);
    // The run starts at `nowMs`, which becomes the last run.
    expect(nextRunAtMs(input({ lastRunAtMs: nowMs, nowMs }))).toBe(utc('2026-06-11T01:00:00Z'));
  });

  it('a last run in the future (clock set back) does not stall the schedule', () => {
    const nowMs = utc('2026-06-10T08:00:00Z');
    expect(nextRunAtMs(input({ lastRunAtMs: utc('2027-01-01T00:00:00Z'), nowMs }))).toBe(
      utc('2026-06-11T01:00:00Z'),
    );
  });

  it('a pause past the deadline moves it to the end of the pause', () => {
    const pausedUntilMs = utc('2026-06-11T09:00:00Z');
    expect(nextRunAtMs(input({ pausedUntilMs }))).toBe(pausedUntilMs);
  });
});

describe('weekly', () => {
  const sunday3 = { minuteOfDay: 180, weekday: 0 };
  it('runs on the named day at the local time, a week after a run on that day', () => {
    // 2026-06-10 is a Wednesday.
    expect(nextClockTimeAfter(sunday3, utc('2026-06-10T08:00:00Z'), BERLIN)).toBe(
      utc('2026-06-14T01:00:00Z'),
    );
    expect(nextClockTimeAfter(sunday3, utc('2026-06-14T01:00:00Z'), BERLIN)).toBe(
      utc('2026-06-21T01:00:00Z'),
    );
    expect(nextClockTimeAfter(sunday3, utc('2026-06-14T00:59:00Z'), BERLIN)).toBe(
      utc('2026-06-14T01:00:00Z'),
    );
  });

  it('keeps the local time across the week clocks change (Sunday 03:00 in New York, 8 March 2026)', () => {
    expect(nextClockTimeAfter(sunday3, utc('2026-03-01T08:00:00Z'), NEW_YORK)).toBe(
      utc('2026-03-08T07:00:00Z'),
    );
    expect(nextClockTimeAfter(sunday3, utc('2026-03-08T07:00:00Z'), NEW_YORK)).toBe(
      utc('2026-03-15T07:00:00Z'),
    );
  });
});
