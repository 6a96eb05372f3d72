/**
 * Local wall-clock times in a named time zone (IANA, e.g. "Europe/Berlin"), for schedules by the clock.
 * Pure: the zone's rules come from Intl, never from the process's own time zone, so a test names the
 * zone whose daylight-saving days it checks.
 */

/** A local date and time of day. `month` 1–12; `weekday` 0 = Sunday … 6 = Saturday. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is a zone Intl knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time at `ms` in `timeZone` (seconds dropped). */
export function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** Local parts as minutes on a UTC-like axis: comparable, and equal for equal wall-clock readings. */
function wallMinutes(p: Pick<LocalParts, 'year' | 'month' | 'day' | 'hour' | 'minute'>): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) / MS_PER_MINUTE;
}

/** The zone's offset from UTC at `ms`, in minutes (whole minutes: every zone in use today). */
function offsetMinutes(ms: number, timeZone: string): number {
  const atMinute = Math.floor(ms / MS_PER_MINUTE);
  return wallMinutes(localParts(atMinute * MS_PER_MINUTE, timeZone)) - atMinute;
}

/**
 * The instant a local clock in `timeZone` reads `hour:minute` on the given date.
 * - A time that occurs twice (the hour repeated when clocks go back): its first occurrence.
 * - A time that does not occur (the hour skipped when clocks go forward): the first instant after the
 *   gap, when the clock reads the next existing time (02:30 on a spring-forward day in Berlin → 03:00).
 */
export function instantOf(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wanted = wallMinutes({ ...date, hour, minute });
  const offsets = new Set(
    [-1, 0, 1].map((d) => offsetMinutes((wanted + d * 1440) * MS_PER_MINUTE, timeZone)),
  );
  const candidates = [...offsets].map((o) => wanted - o);
  const exact = candidates.filter((m) => wallMinutes(localParts(m * MS_PER_MINUTE, timeZone)) === wanted);
  if (exact.length > 0) return Math.min(...exact) * MS_PER_MINUTE;
  // In a gap: the first minute whose wall-clock reading is past the wanted one.
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMinutes(localParts(mid * MS_PER_MINUTE, timeZone)) >= wanted) hi = mid;
    else lo = mid + 1;
  }
  return lo * MS_PER_MINUTE;
}

/** The calendar date `days` after the given one (months and years roll over). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * MS_PER_DAY);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}
