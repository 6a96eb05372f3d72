/** Formatting for people: the CLI tables, warnings, the tray tooltip and the dashboard all use these. */
import type { ScheduleStatus } from './types.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './units.js';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** 1 KB = 1024 B, as in the limits. `formatBytes(4.1 * 1024 ** 3)` → "4.1 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = value.toFixed(digits).replace(/\.0$/, '');
  return `${sign}${text} ${UNITS[unit]}`;
}

/** A duration for people: "45 s", "12 min", "3 h", "2 days". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs < MS_PER_MINUTE) return `${Math.round(abs / 1000)} s`;
  if (abs < MS_PER_HOUR) return `${Math.round(abs / MS_PER_MINUTE)} min`;
  if (abs < 2 * MS_PER_DAY) return `${Math.round(abs / MS_PER_HOUR)} h`;
  return `${Math.round(abs / MS_PER_DAY)} days`;
}

export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return '—';
  return `${percent >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10}%`;
}

/**
 * "1,234,567", as en-US `toLocaleString` writes it. Whole numbers are grouped here: the first
 * `toLocaleString` in a process loads ICU's number data, about 15 ms of a CLI call for one comma.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/**
 * What a run did to disk space, in words: "4.1 MB freed", or with `action: trash` "120 MB moved to the
 * trash (no space freed until it is emptied)". Freed is disk blocks given back; older records without the
 * split show their one figure as freed.
 */
export function spaceSummary(
  folders: readonly {
    bytesFreed: number;
    bytesTrashed?: number;
  }[],
): string {
  const freed = folders.reduce((sum, f) => sum + f.bytesFreed, 0);
  const trashed = folders.reduce((sum, f) => sum + (f.bytesTrashed ?? 0), 0);
  if (trashed === 0) return `${formatBytes(freed)} freed`;
  const moved = `${formatBytes(trashed)} moved to the trash`;
  return freed === 0
    ? `${moved} (no space freed until it is emptied)`
    : `${formatBytes(freed)} freed, ${moved}`;
}

const WEEKDAY_PLURALS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

/** When scheduled cleanup runs, in words: "every 5 h", "daily at 03:00", "Sundays at 03:00", "off". */
/** What every place that shows the next run says while the schedule is stopped (until started again). */
export const SCHEDULE_STOPPED_TEXT = 'Schedule stopped — cleanups run only when you ask';

export function scheduleText(schedule: Pick<ScheduleStatus, 'intervalHours' | 'at'>): string {
  const { at } = schedule;
  if (at) {
    const hh = String(Math.floor(at.minuteOfDay / 60)).padStart(2, '0');
    const mm = String(at.minuteOfDay % 60).padStart(2, '0');
    const days = at.weekday === null ? 'daily' : (WEEKDAY_PLURALS[at.weekday] ?? 'weekly');
    return `${days} at ${hh}:${mm}`;
  }
  return schedule.intervalHours === null ? 'off' : `every ${schedule.intervalHours} h`;
}

/** A count with its noun, for people: "1 file", "4 files", "1,200 folders"; `plural` for irregular nouns. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A moment in the local time zone, the one format of the CLI's human output: "2026-11-30 14:05". Sorts as
 * text and reads at a glance; `--json` keeps ISO UTC. Takes epoch ms or an ISO string.
 */
export function formatLocalTime(when: number | string): string {
  const d = new Date(when);
  if (Number.isNaN(d.getTime())) return '—';
  const date = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  return `${date} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
