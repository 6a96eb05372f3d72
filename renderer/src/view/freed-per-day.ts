/** "Space freed per day": the kept freed intervals of every folder, added up by local day. */
import type { UsageHistory } from '../../../shared/usage-history.js';
import { MS_PER_DAY } from '../../../shared/units.js';

export interface FreedDay {
  /** Local midnight starting the day. */
  dayMs: number;
  bytes: number;
}

/** The last `days` local days up to `nowMs`, oldest first, each with what cleanups freed (0 included). */
export function freedPerDay(history: UsageHistory | null, nowMs: number, days = 30): FreedDay[] {
  const starts: number[] = [];
  const day = new Date(nowMs);
  day.setHours(0, 0, 0, 0);
  for (let i = 0; i < days; i++) {
    starts.unshift(day.getTime());
    day.setDate(day.getDate() - 1); // by the calendar, so a DST day is 23 or 25 hours
  }
  const totals = starts.map((dayMs) => ({ dayMs, bytes: 0 }));
  const first = starts[0]!;
  for (const folder of history?.folders ?? []) {
    for (const freed of folder.freed) {
      if (freed.atMs < first || freed.atMs > nowMs + MS_PER_DAY) continue;
      let i = totals.length - 1;
      while (i > 0 && totals[i]!.dayMs > freed.atMs) i--;
      totals[i]!.bytes += freed.bytes;
    }
  }
  return totals;
}
