/**
 * When automatic cleanup runs (DESIGN.md "Scheduling"): a deadline kept across restarts, not a countdown.
 */
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../shared/units.js';

/** What the next deadline depends on. All times are epoch milliseconds. */
export interface ScheduleInput {
  /** Start of the last run that counts for the schedule (from history); null before the first one. */
  lastRunAtMs: number | null;
  /** Hours between automatic runs; null when scheduled cleanup is off (`cleanup_interval_hours: 0`). */
  intervalHours: number | null;
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
 * deadline is that start + interval (see `catchUp`).
 * - Scheduled cleanup off (interval null): null, never a deadline; pauses do not matter.
 */
export function nextRunAtMs(input: ScheduleInput): number | null {
  if (input.intervalHours === null) return null;
  const intervalMs = input.intervalHours * MS_PER_HOUR;
  const deadlineMs =
    input.lastRunAtMs === null
      ? input.startedAtMs + intervalMs
      : Math.min(input.lastRunAtMs + intervalMs, input.nowMs + intervalMs);
  const pausedUntilMs = input.pausedUntilMs ?? -Infinity;
  return pausedUntilMs > input.nowMs ? Math.max(deadlineMs, pausedUntilMs) : deadlineMs;
}

/** True when the automatic run's deadline has come (at or before `nowMs`) and cleanup is not paused. */
export function isDue(input: ScheduleInput): boolean {
  const deadlineMs = nextRunAtMs(input);
  return deadlineMs !== null && deadlineMs <= input.nowMs;
}

/**
 * What to do at `nowMs`, e.g. on waking from sleep or starting after a long shutdown: at most one run,
 * however many deadlines passed. Returns whether to run now, and the deadline after that, computed as
 * if the run starts at `nowMs` (`nowMs + interval`, not `last + k × interval`: a catch-up run at 09:47
 * with a 5-hour interval is followed by one at 14:47, so runs never bunch up after a wake).
 */
export function catchUp(input: ScheduleInput): { runNow: boolean; nextRunAtMs: number | null } {
  if (!isDue(input)) return { runNow: false, nextRunAtMs: nextRunAtMs(input) };
  return { runNow: true, nextRunAtMs: nextRunAtMs({ ...input, lastRunAtMs: input.nowMs }) };
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
