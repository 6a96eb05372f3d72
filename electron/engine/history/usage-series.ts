/**
 * One folder's usage at one resolution (a tier): at most one point per interval of `stepMs`, oldest first,
 * none older than `keepMs`. A sample in an interval that already has a point replaces its size and count
 * (the newest reading wins); what cleanups freed adds up within the interval. Pure (no I/O, no clock).
 */
import type { UsagePoint } from '../../../shared/usage-history.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../../shared/units.js';

export interface UsageTier {
  stepMs: number;
  keepMs: number;
}

/** 5-minute points for a week, hourly points for 90 days (issue 15 item 2). */
export const USAGE_TIERS: readonly UsageTier[] = [
  { stepMs: 5 * MS_PER_MINUTE, keepMs: 7 * MS_PER_DAY },
  { stepMs: MS_PER_HOUR, keepMs: 90 * MS_PER_DAY },
];

export class UsageSeries {
  /** Oldest first; each point's `atMs` is the start of its interval. */
  readonly points: UsagePoint[] = [];

  constructor(readonly tier: UsageTier) {}

  sample(atMs: number, sizeBytes: number, fileCount: number): void {
    const point = this.pointAt(atMs);
    if (!point) return;
    point.sizeBytes = sizeBytes;
    point.fileCount = fileCount;
  }

  addFreed(atMs: number, bytes: number): void {
    const point = this.pointAt(atMs);
    if (point) point.freedBytes += bytes;
  }

  /** Drops the points older than the tier keeps, counted back from `nowMs`. */
  trim(nowMs: number): void {
    const oldestMs = nowMs - this.tier.keepMs;
    let drop = 0;
    while (drop < this.points.length && this.points[drop]!.atMs < oldestMs) drop++;
    if (drop > 0) this.points.splice(0, drop);
  }

  /**
   * The point of the interval holding `atMs`, added when missing with the newest earlier reading (a
   * cleanup's freed bytes may land before the interval's first sample). Null for a time before the newest
   * point (a clock set back): history is not rewritten.
   */
  private pointAt(atMs: number): UsagePoint | null {
    const slotMs = Math.floor(atMs / this.tier.stepMs) * this.tier.stepMs;
    const last = this.points[this.points.length - 1];
    if (last && last.atMs === slotMs) return last;
    if (last && last.atMs > slotMs) return null;
    const point = {
      atMs: slotMs,
      sizeBytes: last?.sizeBytes ?? 0,
      fileCount: last?.fileCount ?? 0,
      freedBytes: 0,
    };
    this.points.push(point);
    return point;
  }
}
