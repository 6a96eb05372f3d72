import { SCHEDULE_STOPPED_TEXT } from '../../../shared/format.js';
import type { ScheduleStatus } from '../../../shared/types.js';
import { localTime, relativeTime } from './relative-time.js';

/** A time as "Nov 30, 03:00 PM (in 2 h)", or `none` when there is no time. */
export function whenText(iso: string | null, none: string, nowMs: number): string {
  return iso ? `${localTime(iso)} (${relativeTime(iso, nowMs)})` : none;
}

/** Whether automatic cleanup is paused at `nowMs`. */
export function isPaused(schedule: ScheduleStatus, nowMs: number): boolean {
  return schedule.pausedUntil !== null && Date.parse(schedule.pausedUntil) > nowMs;
}

/** The next automatic cleanup in words: a time, or why there is none (off, stopped, paused). */
export function nextRunText(schedule: ScheduleStatus, nowMs: number): string {
  if (schedule.intervalHours === null && !schedule.at) return 'Scheduled cleanup is off';
  // Stopped through the seed API (POST /api/cleanup/schedule/stop): held until started again.
  if (schedule.stopped === true) return SCHEDULE_STOPPED_TEXT;
  if (isPaused(schedule, nowMs)) return 'paused';
  return whenText(schedule.nextRunAt, 'not scheduled', nowMs);
}
