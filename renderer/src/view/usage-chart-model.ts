/**
 * What a folder's usage chart draws, in data units: the line (size, or the file count where only a count
 * limit is set), the limit, the cleanups, and the forecast to the limit. Pure, so the chart's numbers are
 * tested without a DOM.
 */
import type { FolderStatus } from '../../../shared/types.js';
import type { UsagePoint } from '../../../shared/usage-history.js';

export type UsageMetric = 'size' | 'files';

export interface UsageChartModel {
  metric: UsageMetric;
  /** Oldest first; the folder's current reading closes the line at `nowMs`. */
  line: { atMs: number; value: number }[];
  limit: number | null;
  /** Intervals in which cleanups freed space. */
  cleanups: { atMs: number; value: number; freedBytes: number }[];
  /** The growth line from now to the limit, cut at the chart's right edge. */
  forecast: { fromMs: number; from: number; toMs: number; to: number; fullAtMs: number } | null;
  x0: number;
  x1: number;
  yMax: number;
}

/** How far past now the forecast may draw, as a share of the span shown. */
const FORECAST_SHARE = 0.25;

export function usageChartModel(
  points: readonly UsagePoint[],
  folder: FolderStatus,
  nowMs: number,
): UsageChartModel {
  const metric: UsageMetric =
    folder.limits.maxSizeBytes === null && folder.limits.maxFiles !== null ? 'files' : 'size';
  const valueOf = (p: { sizeBytes: number; fileCount: number }) =>
    metric === 'size' ? p.sizeBytes : p.fileCount;
  const line = points.map((p) => ({ atMs: p.atMs, value: valueOf(p) }));
  const last = line[line.length - 1];
  if (!last || last.atMs < nowMs) line.push({ atMs: nowMs, value: valueOf(folder) });
  const limit = metric === 'size' ? folder.limits.maxSizeBytes : folder.limits.maxFiles;
  const x0 = line[0]!.atMs;
  const spanMs = Math.max(nowMs - x0, 1);
  let forecast: UsageChartModel['forecast'] = null;
  let x1 = nowMs;
  if (metric === 'size' && limit !== null && folder.fullInMs !== null && folder.fullInMs > 0) {
    const now = valueOf(folder);
    const reachMs = Math.min(folder.fullInMs, spanMs * FORECAST_SHARE);
    x1 = nowMs + reachMs;
    const to = now + ((limit - now) * reachMs) / folder.fullInMs;
    forecast = { fromMs: nowMs, from: now, toMs: x1, to, fullAtMs: nowMs + folder.fullInMs };
  }
  const cleanups = points
    .filter((p) => p.freedBytes > 0)
    .map((p) => ({ atMs: p.atMs, value: valueOf(p), freedBytes: p.freedBytes }));
  const yMax = Math.max(limit ?? 0, ...line.map((p) => p.value), 1) * 1.1;
  return { metric, line, limit, cleanups, forecast, x0, x1, yMax };
}
