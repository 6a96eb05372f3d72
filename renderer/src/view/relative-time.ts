import { formatDuration } from '../../../shared/format.js';

/** "in 3 h" or "3 h ago" from an ISO time; "now" within a second. */
export function relativeTime(iso: string, nowMs: number): string {
  const deltaMs = Date.parse(iso) - nowMs;
  if (!Number.isFinite(deltaMs)) return iso;
  if (Math.abs(deltaMs) < 1000) return 'now';
  return deltaMs > 0 ? `in ${formatDuration(deltaMs)}` : `${formatDuration(deltaMs)} ago`;
}

/** A local date and time for people, e.g. "12 Mar, 14:05". */
export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The start of the next local day: "Pause until tomorrow". */
export function startOfTomorrow(nowMs: number): Date {
  const date = new Date(nowMs);
  date.setHours(24, 0, 0, 0);
  return date;
}
