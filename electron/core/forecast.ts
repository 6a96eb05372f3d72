/**
 * "Full in 3 h": when a folder will reach its size limit at its recent growth rate. The forecast speaks only
 * when the recent growth is steady: a cleanup starts the fit over, a quiet spell or jumpy sizes silence it.
 */
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../shared/units.js';

export interface SizeSample {
  atMs: number;
  sizeBytes: number;
}

export interface ForecastOptions {
  /** Only samples this recent (relative to the newest) are fitted. Default 6 hours. */
  windowMs?: number;
  /** Fewer samples than this in the window give no forecast. Default 3. */
  minSamples?: number;
  /** Samples in the window must span at least this long. Default 5 minutes. */
  minSpanMs?: number;
  /**
   * A fall of more than this fraction of the limit between two samples is a drop (a cleanup, a person
   * emptying the folder): only the samples after the last drop are fitted. Default 0.01; smaller dips (a
   * tool removing its own temp file) stay in the fit.
   */
  dropFraction?: number;
  /** No forecast when the size has not changed for this long up to the newest sample. Default 10 minutes. */
  quietMs?: number;
  /** No forecast when the line explains less than this share of the variance (R²). Default 0.8. */
  minFit?: number;
}

/**
 * Milliseconds until the folder reaches `limitBytes`, from a least-squares line through the samples since
 * the last drop within `windowMs` (measured back from the newest sample), counted from the newest sample at
 * its measured size: `(limit - newest size) / slope`.
 *
 * - `0` when the newest sample is already at or over the limit (whatever the other samples say).
 * - `null` when there is no limit, too few samples since the last drop (fewer than `minSamples`, or
 *   spanning less than `minSpanMs`), nothing was written for `quietMs`, the growth is not steady (R² below
 *   `minFit`), or the fitted slope is not positive (not growing).
 * Samples may come in any order.
 */
export function forecastFullInMs(
  samples: readonly SizeSample[],
  limitBytes: number | null,
  options: ForecastOptions = {},
): number | null {
  const {
    windowMs = 6 * MS_PER_HOUR,
    minSamples = 3,
    minSpanMs = 5 * MS_PER_MINUTE,
    dropFraction = 0.01,
    quietMs = 10 * MS_PER_MINUTE,
    minFit = 0.8,
  } = options;
  if (limitBytes === null || samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a.atMs - b.atMs);
  const newest = sorted[sorted.length - 1]!;
  if (newest.sizeBytes >= limitBytes) return 0;

  const recent = sinceLastDrop(
    sorted.filter((s) => s.atMs >= newest.atMs - windowMs),
    dropFraction * limitBytes,
  );
  if (recent.length < minSamples) return null;
  if (newest.atMs - recent[0]!.atMs < minSpanMs) return null;
  if (quietForMs(recent) >= quietMs) return null;

  const fit = leastSquares(recent);
  if (!(fit.bytesPerMs > 0) || fit.rSquared < minFit) return null;
  return (limitBytes - newest.sizeBytes) / fit.bytesPerMs;
}

/** The samples after the last fall of more than `dropBytes` (oldest first in, oldest first out). */
function sinceLastDrop(sorted: readonly SizeSample[], dropBytes: number): readonly SizeSample[] {
  for (let i = sorted.length - 1; i > 0; i--) {
    if (sorted[i - 1]!.sizeBytes - sorted[i]!.sizeBytes > dropBytes) return sorted.slice(i);
  }
  return sorted;
}

/** How long the newest size has stood unchanged, back to the first sample of that run. */
function quietForMs(sorted: readonly SizeSample[]): number {
  const newest = sorted[sorted.length - 1]!;
  let since = newest.atMs;
  for (let i = sorted.length - 2; i >= 0 && sorted[i]!.sizeBytes === newest.sizeBytes; i--) {
    since = sorted[i]!.atMs;
  }
  return newest.atMs - since;
}

/** Slope of the least-squares line through the samples (bytes per millisecond) and how well it fits (R²). */
function leastSquares(samples: readonly SizeSample[]): { bytesPerMs: number; rSquared: number } {
  const n = samples.length;
  // Centre both axes: epoch milliseconds squared would lose precision in a double.
  const meanT = samples.reduce((s, p) => s + p.atMs, 0) / n;
  const meanB = samples.reduce((s, p) => s + p.sizeBytes, 0) / n;
  let covariance = 0;
  let varianceT = 0;
  let varianceB = 0;
  for (const p of samples) {
    const dt = p.atMs - meanT;
    const db = p.sizeBytes - meanB;
    covariance += dt * db;
    varianceT += dt * dt;
    varianceB += db * db;
  }
  if (varianceT === 0 || varianceB === 0) return { bytesPerMs: 0, rSquared: 0 };
  return {
    bytesPerMs: covariance / varianceT,
    rSquared: (covariance * covariance) / (varianceT * varianceB),
  };
}
