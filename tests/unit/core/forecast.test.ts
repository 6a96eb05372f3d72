import { describe, expect, it } from 'vitest';
import { forecastFullInMs, type SizeSample } from '../../../electron/core/forecast.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../../shared/units.js';

const T0 = Date.UTC(2025, 4, 1);
const MB = 1024 ** 2;

/** One sample every `everyMs`, size from `size(i)`. */
function series(count: number, everyMs: number, size: (i: number) => number): SizeSample[] {
  return Array.from({ length: count }, (_, i) => ({ atMs: T0 + i * everyMs, sizeBytes: size(i) }));
}

describe('forecastFullInMs', () => {
  it('extrapolates steady growth to the limit', () => {
    // 10 MB per minute for an hour, ending at 600 MB; 400 MB to go at 10 MB/min → 40 minutes.
    const s = series(61, MS_PER_MINUTE, (i) => i * 10 * MB);
    expect(forecastFullInMs(s, 1000 * MB)).toBeCloseTo(40 * MS_PER_MINUTE, 3);
  });

  it('fits a noisy series by least squares and counts from the newest size', () => {
    const noise = [3, -2, 4, -5, 1, 0, -1, 2, -3, 1];
    const s = series(10, 10 * MS_PER_MINUTE, (i) => 100 * MB + i * 5 * MB + noise[i]! * 100_000);
    const newest = s[9]!.sizeBytes;
    const full = forecastFullInMs(s, 500 * MB)!;
    const slopePerMs = (5 * MB) / (10 * MS_PER_MINUTE);
    expect(full).toBeGreaterThan(0);
    expect(Math.abs(full - (500 * MB - newest) / slopePerMs)).toBeLessThan(0.05 * full);
  });

  it('uses only the recent window', () => {
    // Fast growth 10 hours ago, then slow growth over the last 6 hours.
    const old = series(5, 10 * MS_PER_MINUTE, (i) => i * 100 * MB);
    const recentStart = T0 + 10 * MS_PER_HOUR;
    const recent = Array.from({ length: 7 }, (_, i) => ({
      atMs: recentStart + i * MS_PER_HOUR,
      sizeBytes: 400 * MB + i * MB,
    }));
    expect(forecastFullInMs([...old, ...recent], 416 * MB)).toBeCloseTo(10 * MS_PER_HOUR, 3);
  });

  it('accepts samples in any order', () => {
    const s = series(6, MS_PER_MINUTE, (i) => i * MB);
    const shuffled = [s[3]!, s[0]!, s[5]!, s[1]!, s[4]!, s[2]!];
    expect(forecastFullInMs(shuffled, 10 * MB)).toBeCloseTo(forecastFullInMs(s, 10 * MB)!, 6);
  });

  it.each([
    { what: 'no limit', s: series(10, MS_PER_MINUTE, (i) => i * MB), limit: null, expected: null },
    {
      what: 'shrinking',
      s: series(10, MS_PER_MINUTE, (i) => (20 - i) * MB),
      limit: 100 * MB,
      expected: null,
    },
    { what: 'flat', s: series(10, MS_PER_MINUTE, () => MB), limit: 100 * MB, expected: null },
    { what: 'two samples', s: series(2, 10 * MS_PER_MINUTE, (i) => i * MB), limit: 100 * MB, expected: null },
    { what: 'spanning under 5 min', s: series(10, 20_000, (i) => i * MB), limit: 100 * MB, expected: null },
    { what: 'no samples', s: [], limit: 100 * MB, expected: null },
    { what: 'already over', s: series(2, 1000, () => 200 * MB), limit: 100 * MB, expected: 0 },
    { what: 'exactly at the limit', s: series(10, MS_PER_MINUTE, (i) => i * MB), limit: 9 * MB, expected: 0 },
  ])('$what → $expected', ({ s, limit, expected }) => {
    expect(forecastFullInMs(s, limit)).toBe(expected);
  });

  it('takes its window and minimums as options', () => {
    const s = series(2, 10 * MS_PER_MINUTE, (i) => i * MB);
    expect(forecastFullInMs(s, 11 * MB, { minSamples: 2 })).toBeCloseTo(100 * MS_PER_MINUTE, 3);
    expect(forecastFullInMs(s, 11 * MB, { minSamples: 2, windowMs: 5 * MS_PER_MINUTE })).toBeNull();
  });
});

describe('forecastFullInMs after cleanups and quiet spells (issue 12)', () => {
  it('fits only the growth since the last drop, not the cleanup itself', () => {
    // 10 MB a minute up to 1000 MB (the limit), a cleanup down to 700 MB, then 2 MB a minute for 10 minutes.
    const before = series(100, MS_PER_MINUTE, (i) => (i + 1) * 10 * MB);
    const after = Array.from({ length: 11 }, (_, i) => ({
      atMs: T0 + (100 + i) * MS_PER_MINUTE,
      sizeBytes: 700 * MB + i * 2 * MB,
    }));
    // 280 MB to go at 2 MB a minute: 140 minutes, whatever the slope before the drop was.
    expect(forecastFullInMs([...before, ...after], 1000 * MB)).toBeCloseTo(140 * MS_PER_MINUTE, 3);
  });

  it('says nothing right after a cleanup rather than "0 s"', () => {
    const before = series(30, MS_PER_MINUTE, (i) => 700 * MB + i * 10 * MB);
    const justCleaned = { atMs: T0 + 30 * MS_PER_MINUTE, sizeBytes: 710 * MB };
    expect(forecastFullInMs([...before, justCleaned], 1000 * MB)).toBeNull();
  });

  it('says nothing when nothing was written for a while', () => {
    // Growth for an hour, then 15 minutes without a byte written.
    const growing = series(61, MS_PER_MINUTE, (i) => i * 5 * MB);
    const quiet = Array.from({ length: 15 }, (_, i) => ({
      atMs: T0 + (61 + i) * MS_PER_MINUTE,
      sizeBytes: 300 * MB,
    }));
    expect(forecastFullInMs([...growing, ...quiet], 1000 * MB)).toBeNull();
  });

  it('says nothing when growth is not steady', () => {
    // Jumps up and down by far more than it grows overall: no line describes it.
    const jumpy = [0, 90, 5, 80, 10, 95, 20, 85, 30, 99, 40].map((mb, i) => ({
      atMs: T0 + i * MS_PER_MINUTE,
      sizeBytes: 100 * MB + mb * MB,
    }));
    expect(forecastFullInMs(jumpy, 10_000 * MB)).toBeNull();
  });
});
