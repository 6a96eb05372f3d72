/**
 * "Full in 3 h": when a folder will reach its size limit at its recent growth rate.
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
}

/**
 * Milliseconds until the folder reaches `limitBytes`, from a least-squares line through the samples of the
 * last `windowMs` (measured back from the newest sample), counted from the newest sample at its measured
 * size: `(limit - newest size) / slope`.
 *
 * - `0` when the newest sample is already at or over the limit (whatever the other samples say).
 * - `null` when there is no limit, too few samples (fewer than `minSamples`, or spanning less than
 *   `minSpanMs`), or the fitted slope is not positive (not growing).
 * Samples may come in any order.
 */
export function forecastFullInMs(
  samples: readonly SizeSample[],
  limitBytes: number | null,
  options: ForecastOptions = {},
): number | null {
  const { windowMs = 6 * MS_PER_HOUR, minSamples = 3, minSpanMs = 5 * MS_PER_MINUTE } = options;
  if (limitBytes === null || samples.length === 0) return null;
  const newest = samples.reduce((a, b) => (b.atMs > a.atMs ? b : a));
  if (newest.sizeBytes >= limitBytes) return 0;

  const recent = samples.filter((s) => s.atMs >= newest.atMs - windowMs);
  if (recent.length < minSamples) return null;
  const oldestAtMs = recent.reduce((min, s) => Math.min(min, s.atMs), Infinity);
  if (newest.atMs - oldestAtMs < minSpanMs) return null;

  const bytesPerMs = leastSquaresSlope(recent);
  if (!(bytesPerMs > 0)) return null;
  return (limitBytes - newest.sizeBytes) / bytesPerMs;
}

/** Slope of the least-squares line through the samples, in bytes per millisecond. */
function leastSquaresSlope(samples: readonly SizeSample[]): number {
  const n = samples.length;
  // Centre both axes: epoch milliseconds squared would lose precision in a double.
  const meanT = samples.reduce((s, p) => s + p.atMs, 0) / n;
  const meanB = samples.reduce((s, p) => s + p.sizeBytes, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const p of samples) {
    const dt = p.atMs - meanT;
    covariance += dt * (p.sizeBytes - meanB);
    variance += dt * dt;
  }
  return variance === 0 ? 0 : covariance / variance;
}
