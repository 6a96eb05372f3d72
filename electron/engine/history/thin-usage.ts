/** Thins usage points for a chart: no more points than it has room for, and no cleanup lost. */
import type { UsagePoint } from '../../../shared/usage-history.js';

/**
 * At most `maxPoints` points: consecutive intervals merged `factor` at a time into one of `stepMs * factor`
 * (aligned to that longer interval), keeping the newest size and count and the sum of the freed bytes.
 */
export function thinPoints(
  points: readonly UsagePoint[],
  stepMs: number,
  maxPoints: number,
): { points: UsagePoint[]; stepMs: number } {
  if (points.length <= maxPoints) return { points: points.map((p) => ({ ...p })), stepMs };
  const first = points[0]!.atMs;
  const last = points[points.length - 1]!.atMs;
  // +1: the span's intervals, aligned, can straddle one more longer interval than the division says.
  const factor = Math.ceil(((last - first) / stepMs + 1) / (maxPoints - 1));
  const wideMs = stepMs * factor;
  const thinned: UsagePoint[] = [];
  for (const p of points) {
    const atMs = Math.floor(p.atMs / wideMs) * wideMs;
    const prev = thinned[thinned.length - 1];
    if (prev && prev.atMs === atMs) {
      prev.sizeBytes = p.sizeBytes;
      prev.fileCount = p.fileCount;
      prev.freedBytes += p.freedBytes;
    } else {
      thinned.push({ ...p, atMs });
    }
  }
  return { points: thinned, stepMs: wideMs };
}
