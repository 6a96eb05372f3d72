/**
 * Levels and notifications (DESIGN.md "Levels and notifications"): how full a folder is, what colour that
 * is, and when it is worth a notification.
 */
import type { FolderLimits, Level, UsageBreakdown } from '../../shared/types.js';
import { MS_PER_DAY } from '../../shared/units.js';

/** Points below the warning threshold a folder must drop to before it can notify again. */
export const REARM_POINTS = 5;

/** What a folder's totals are measured by. `oldestMtimeMs` is null for an empty folder. */
export interface FolderStats {
  sizeBytes: number;
  fileCount: number;
  oldestMtimeMs: number | null;
}

/**
 * Usage of a folder against each limit it has, in percent (null where the limit is unset), and its
 * capacity usage: the higher of size and count. Age usage is the age of the oldest file over `maxAgeDays`
 * (a file from the future counts as age 0), shown but never part of `usagePercent`: an age limit is a
 * policy carried out at the next run, not capacity running out, so it never makes a folder `warning`
 * (an age-only folder is at 0). An empty folder is at 0 on every limit it has.
 */
export function folderUsage(
  stats: FolderStats,
  limits: FolderLimits,
  nowMs: number,
): { usage: UsageBreakdown; usagePercent: number } {
  const usage: UsageBreakdown = {
    size: limits.maxSizeBytes === null ? null : (stats.sizeBytes / limits.maxSizeBytes) * 100,
    count: limits.maxFiles === null ? null : (stats.fileCount / limits.maxFiles) * 100,
    age: limits.maxAgeDays === null ? null : ageUsage(stats, limits.maxAgeDays, nowMs),
  };
  const present = [usage.size, usage.count].filter((u): u is number => u !== null);
  return { usage, usagePercent: Math.max(0, ...present) };
}

function ageUsage(stats: FolderStats, maxAgeDays: number, nowMs: number): number {
  if (stats.fileCount === 0 || stats.oldestMtimeMs === null) return 0;
  const ageMs = Math.max(0, nowMs - stats.oldestMtimeMs);
  return (ageMs / (maxAgeDays * MS_PER_DAY)) * 100;
}

/**
 * Files modified before this instant are past the age limit: the planner removes a file when
 * `nowMs - mtimeMs > maxAgeDays` days, so one exactly `maxAgeDays` old is not past it.
 */
export function maxAgeCutoffMs(maxAgeDays: number, nowMs: number): number {
  return nowMs - maxAgeDays * MS_PER_DAY;
}

/** `over` at or above 100%, `warning` at or above the threshold, `ok` below it. */
export function levelFor(percent: number, thresholdPercent: number): Level {
  if (percent >= 100) return 'over';
  if (percent >= thresholdPercent) return 'warning';
  return 'ok';
}

/**
 * The highest level a folder has notified about since it was last re-armed (`none`: it will notify on
 * the next rise). Start every folder at `INITIAL_ALERT_STATE`, so a folder already full at start-up
 * notifies once.
 */
export interface AlertState {
  notified: 'none' | 'warning' | 'over';
}

export const INITIAL_ALERT_STATE: AlertState = { notified: 'none' };

/**
 * Hysteresis for one folder's notifications. Given the state after the previous reading and the new
 * usage, returns the next state and the level to notify about (`null`: stay quiet).
 *
 * - Rising into `warning` from `none` notifies `warning`; rising into `over` notifies `over`, also when the
 *   folder already notified `warning` (reaching the limit is news; it triggers an emergency cleanup too).
 * - Nothing notifies again until usage drops to `thresholdPercent - 5` or lower (to 0 for a threshold
 *   of 5 or less), which re-arms both.
 *   So a folder hovering 79↔81 (threshold 80) notifies once, and one hovering 99↔101 notifies `over` once.
 * - Jumping from `ok` straight to `over` notifies `over` only.
 */
export function nextAlertState(
  prev: AlertState,
  percent: number,
  thresholdPercent: number,
): { state: AlertState; raise: Level | null } {
  const rearmAtPercent = Math.max(0, thresholdPercent - REARM_POINTS);
  if (percent <= rearmAtPercent && percent < thresholdPercent) {
    return { state: { notified: 'none' }, raise: null };
  }
  const level = levelFor(percent, thresholdPercent);
  if (level === 'over' && prev.notified !== 'over') return { state: { notified: 'over' }, raise: 'over' };
  if (level === 'warning' && prev.notified === 'none') {
    return { state: { notified: 'warning' }, raise: 'warning' };
  }
  return { state: prev, raise: null };
}
