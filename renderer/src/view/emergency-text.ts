/** The folder card's sentence about an emergency that has not brought a folder under (issue 12 item 2). */
import type { FolderStatus } from '../../../shared/types.js';
import { localTime, relativeTime } from './relative-time.js';

/**
 * "Still over after an emergency cleanup: <why>. Next attempt in 8 min (12 Mar, 14:05)." — or, when
 * nothing will retry by itself, what will; null when no emergency is pending.
 */
export function emergencyText(folder: FolderStatus, nowMs: number): string | null {
  const emergency = folder.emergency;
  if (emergency === null) return null;
  const why = `Still over its emergency threshold: ${emergency.reason}.`;
  if (emergency.nextAttemptAtMs === null) {
    return `${why} Not retried by itself: it is cleaned again when it next crosses the threshold, or with Clean.`;
  }
  const iso = new Date(emergency.nextAttemptAtMs).toISOString();
  if (emergency.nextAttemptAtMs <= nowMs) return `${why} Next attempt now.`;
  return `${why} Next attempt ${relativeTime(iso, nowMs)} (${localTime(iso)}).`;
}
