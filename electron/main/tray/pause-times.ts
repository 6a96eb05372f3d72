/** The deadlines behind the tray's "Pause automatic cleanup" choices, in local time. */
import { MS_PER_HOUR } from '../../../shared/units.js';

/** "Until tomorrow" means tomorrow at this local hour, when people are back at their machines. */
export const TOMORROW_RESUME_HOUR = 8;

export function pauseForOneHour(nowMs: number): string {
  return new Date(nowMs + MS_PER_HOUR).toISOString();
}

export function pauseUntilTomorrow(nowMs: number): string {
  const resume = new Date(nowMs);
  resume.setDate(resume.getDate() + 1);
  resume.setHours(TOMORROW_RESUME_HOUR, 0, 0, 0);
  return resume.toISOString();
}

/** "14:30" today, "Tue 08:00" on another day. */
export function formatClockTime(atMs: number, nowMs: number): string {
  const at = new Date(atMs);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === new Date(nowMs).toDateString()) return time;
  return `${at.toLocaleDateString('en-GB', { weekday: 'short' })} ${time}`;
}
