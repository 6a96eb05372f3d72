/**
 * When automatic cleanup runs (DESIGN.md "Scheduling"): a deadline kept across restarts, not a countdown.
 */
import type { ClockSchedule } from '../../shared/types.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../shared/units.js';
import { addDays, instantOf, localParts } from './local-time.js';

/** What the next deadline depends on. All times are epoch milliseconds. */
export interface ScheduleInput {
  /** Start of the last run that counts for the schedule (from history); null before the first one. */
  lastRunAtMs: number | null;
  /**
   * Hours between automatic runs; null when scheduled cleanup is off (`cleanup_interval_hours: 0`) or
   * runs by the clock (`at`).
   */
  intervalHours: number | null;
  /** Runs at a local time of day (daily or on one weekday), in `timeZone`, instead of an interval. */
  at?: ClockSchedule | null;
  /** IANA zone the `at` times are read in (the machine's own, from the engine). */
  timeZone?: string;
  /** Automatic cleanup is paused until then; null, or a time in the past, means not paused. */
  pausedUntilMs: number | null;
  /** When this engine started: the first deadline's anchor when there has never been a run. */
  startedAtMs: number;
  nowMs: number;
}

/**
 * The next automatic run's deadline.
 *
 * - With a last run: `lastRunAtMs + interval`, whether the app was running in between or not. When the
 *   clock has been set back so far that this lies more than one interval ahead, `nowMs + interval`.
 * - Never run before: `startedAtMs + interval` (the start-up run, when `cleanup_on_startup` is set, is
 *   `startupRunDue`'s decision; once it has run, it is the last run).
 * - While paused: the end of the pause, if that is later than the deadline.
 *
 * A deadline at or before `nowMs` is due (`isDue`). However many intervals were missed, the deadline is
 * one time, so an overdue run happens once; after it runs, its start is the new last run and the next
 * deadline is that start + interval (`nowMs + interval`, not `last + k × interval`: a catch-up run at
 * 09:47 with a 5-hour interval is followed by one at 14:47, so runs never bunch up after a wake; a daily
 * 03:00 run caught up at 09:47 is followed by tomorrow's 03:00).
 * - By the clock (`at`): the first local time of the schedule after the last run (or, never run before,
 *   after `startedAtMs`), read in `timeZone` on each day, so it follows daylight-saving changes: a time
 *   skipped when clocks go forward runs once, when the gap ends; a time repeated when they go back runs
 *   once, at its first occurrence.
 * - Scheduled cleanup off (no interval, no `at`): null, never a deadline; pauses do not matter.
 */
export function nextRunAtMs(input: ScheduleInput): number | null {
  // A last run "in the future" (the clock was set back) counts from now, so the schedule does not stall.
  const fromMs = input.lastRunAtMs === null ? input.startedAtMs : Math.min(input.lastRunAtMs, input.nowMs);
  let deadlineMs: number;
  if (input.at) deadlineMs = nextClockTimeAfter(input.at, fromMs, input.timeZone ?? 'UTC');
  else if (input.intervalHours !== null) deadlineMs = fromMs + input.intervalHours * MS_PER_HOUR;
  else return null;
  const pausedUntilMs = input.pausedUntilMs ?? -Infinity;
  return pausedUntilMs > input.nowMs ? Math.max(deadlineMs, pausedUntilMs) : deadlineMs;
}

/** The first instant strictly after `afterMs` at which the local clock reads the schedule's time. */
export function nextClockTimeAfter(at: ClockSchedule, afterMs: number, timeZone: string): number {
  const today = localParts(afterMs, timeZone);
  const hour = Math.floor(at.minuteOfDay / 60);
  const minute = at.minuteOfDay % 60;
  // Eight days always hold the next weekly time, even when today's has just passed.
  for (let d = 0; d <= 8; d++) {
    const date = addDays(today, d);
    if (at.weekday !== null && date.weekday !== at.weekday) continue;
    const ms = instantOf(date, hour, minute, timeZone);
    if (ms > afterMs) return ms;
  }
  throw new Error('unreachable: a weekly time recurs within eight days');
}

/** True when the automatic run's deadline has come (at or before `nowMs`) and cleanup is not paused. */
export function isDue(input: ScheduleInput): boolean {
  const deadlineMs = nextRunAtMs(input);
  return deadlineMs !== null && deadlineMs <= input.nowMs;
}

/** Whether to clean at start-up: when `cleanup_on_startup` is set and automatic cleanup is not paused. */
export function startupRunDue(input: {
  cleanupOnStartup: boolean;
  pausedUntilMs: number | null;
  nowMs: number;
}): boolean {
  return input.cleanupOnStartup && !(input.pausedUntilMs !== null && input.pausedUntilMs > input.nowMs);
}

/** Emergency cleanups of one folder are at least this far apart, so a tool writing faster than cleanup cannot loop it. */
export const EMERGENCY_COOLDOWN_MS = 10 * MS_PER_MINUTE;

/** True when no emergency cleanup ran for this folder in the last `cooldownMs` (or ever). */
export function emergencyAllowed(
  lastEmergencyAtMs: number | null,
  nowMs: number,
  cooldownMs: number = EMERGENCY_COOLDOWN_MS,
): boolean {
  if (lastEmergencyAtMs === null) return true;
  // A clock set back puts the last emergency in the future; do not wait for that future to arrive.
  if (lastEmergencyAtMs > nowMs) return true;
  return nowMs - lastEmergencyAtMs >= cooldownMs;
}
