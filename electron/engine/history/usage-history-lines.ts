/**
 * The lines of usage-history.jsonl. A compacted file holds one `series` line per folder and tier, its
 * numbers as differences from the previous point (a quiet folder's are zeros: a few bytes a point); between
 * compactions each sample and each cleanup's freed bytes is appended as its own line. Every line parses on
 * its own, so a damaged one costs only itself.
 */
import { z } from 'zod';
import type { UsagePoint } from '../../../shared/usage-history.js';
import { UsageSeries, type UsageTier } from './usage-series.js';

const int = z.number().int();
const seriesLine = z.object({
  folder: z.string().min(1),
  stepMs: int.positive(),
  /** The first point's interval number (atMs / stepMs); the others follow it one interval apart... */
  first: int,
  /** ...except where [point index, intervals skipped] says the app was not running. */
  gaps: z.array(z.tuple([int.positive(), int.positive()])),
  /** Sizes and counts, each as the difference from the previous point (a quiet folder's are zeros). */
  sizes: z.array(int),
  files: z.array(int),
  /** [point index, bytes] for the points where cleanups freed space. */
  freed: z.array(z.tuple([int.nonnegative(), int.nonnegative()])),
});
const sampleLine = z.object({
  t: int,
  sample: z.record(z.string(), z.tuple([int.nonnegative(), int.nonnegative()])),
});
const freedLine = z.object({ t: int, freed: z.record(z.string(), int.nonnegative()) });

export type UsageLine =
  | { kind: 'series'; folder: string; stepMs: number; points: UsagePoint[] }
  | { kind: 'sample'; atMs: number; readings: Record<string, { sizeBytes: number; fileCount: number }> }
  | { kind: 'freed'; atMs: number; bytes: Record<string, number> };

/** One line of the file, or null when it is damaged (not JSON, or not a line this file holds). */
export function parseUsageLine(text: string): UsageLine | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const series = seriesLine.safeParse(json);
  if (series.success) return decodeSeries(series.data);
  const sample = sampleLine.safeParse(json);
  if (sample.success) {
    const readings = Object.fromEntries(
      Object.entries(sample.data.sample).map(([name, [sizeBytes, fileCount]]) => [
        name,
        { sizeBytes, fileCount },
      ]),
    );
    return { kind: 'sample', atMs: sample.data.t, readings };
  }
  const freed = freedLine.safeParse(json);
  return freed.success ? { kind: 'freed', atMs: freed.data.t, bytes: freed.data.freed } : null;
}

export function sampleLineText(
  atMs: number,
  readings: Record<string, { sizeBytes: number; fileCount: number }>,
) {
  const sample = Object.fromEntries(
    Object.entries(readings).map(([n, r]) => [n, [r.sizeBytes, r.fileCount]]),
  );
  return JSON.stringify({ t: atMs, sample });
}

export function freedLineText(atMs: number, bytes: Record<string, number>): string {
  return JSON.stringify({ t: atMs, freed: bytes });
}

export function seriesLineText(folder: string, series: UsageSeries): string {
  const { stepMs } = series.tier;
  const gaps: [number, number][] = [];
  let first = 0;
  const sizes: number[] = [];
  const files: number[] = [];
  const freed: [number, number][] = [];
  let prev = { slot: 0, size: 0, count: 0 };
  series.points.forEach((p, i) => {
    const slot = Math.round(p.atMs / stepMs);
    if (i === 0) first = slot;
    else if (slot - prev.slot > 1) gaps.push([i, slot - prev.slot - 1]);
    sizes.push(p.sizeBytes - prev.size);
    files.push(p.fileCount - prev.count);
    if (p.freedBytes > 0) freed.push([i, p.freedBytes]);
    prev = { slot, size: p.sizeBytes, count: p.fileCount };
  });
  return JSON.stringify({ folder, stepMs, first, gaps, sizes, files, freed });
}

function decodeSeries(line: z.infer<typeof seriesLine>): UsageLine | null {
  const n = line.sizes.length;
  if (line.files.length !== n) return null;
  const skipped = new Map(line.gaps);
  const points: UsagePoint[] = [];
  let slot = line.first - 1;
  let size = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    slot += 1 + (i > 0 ? (skipped.get(i) ?? 0) : 0);
    size += line.sizes[i]!;
    count += line.files[i]!;
    if (size < 0 || count < 0) return null;
    points.push({ atMs: slot * line.stepMs, sizeBytes: size, fileCount: count, freedBytes: 0 });
  }
  for (const [i, bytes] of line.freed) {
    if (i >= n) return null;
    points[i]!.freedBytes = bytes;
  }
  return { kind: 'series', folder: line.folder, stepMs: line.stepMs, points };
}

/** A series of `tier` holding `points` (as a compacted line gave them), kept in time order. */
export function seriesOf(tier: UsageTier, points: readonly UsagePoint[]): UsageSeries {
  const series = new UsageSeries(tier);
  for (const p of [...points].sort((a, b) => a.atMs - b.atMs)) {
    series.sample(p.atMs, p.sizeBytes, p.fileCount);
    series.addFreed(p.atMs, p.freedBytes);
  }
  return series;
}
