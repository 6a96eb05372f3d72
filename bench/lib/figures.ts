/** The shape of a benchmark's results: figures with medians, a reference tool's figure and a target. */

/** What a figure is held to: its value (`max`) or its ratio to the reference (`maxRatio`). */
export interface Target {
  max?: number;
  maxRatio?: number;
}

export interface Figure {
  label: string;
  unit: 'ms' | 's' | 'MB' | 'B/file' | 'count';
  /** Median of `values`. */
  median: number;
  values: number[];
  reference?: { tool: string; median: number; values: number[] };
  /** `median / reference.median`. */
  ratio?: number;
  target?: Target;
  /** Null when there is no target, or nothing to compare with. */
  met: boolean | null;
}

/** One measurement's file under `bench/results/`. */
export interface BenchResult {
  name: string;
  title: string;
  /** The shell command that reproduces this measurement alone. */
  command: string;
  startedAt: string;
  machine: { cpus: number; node: string; platform: string; loadAverage1m: number };
  repetitions: number;
  warmups: number;
  tree: Record<string, number | string> | null;
  figures: Figure[];
  notes: string[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Builds a figure from raw values; with a reference, its ratio; with a target, whether it was met. */
export function figure(
  label: string,
  unit: Figure['unit'],
  values: number[],
  options: { reference?: { tool: string; values: number[] }; target?: Target } = {},
): Figure {
  const m = median(values);
  const out: Figure = { label, unit, median: m, values, met: null };
  if (options.reference) {
    const ref = { ...options.reference, median: median(options.reference.values) };
    out.reference = ref;
    // A reference of 0 (du's CPU time on a tiny tree, under the clock's resolution) gives no ratio.
    if (ref.median > 0) out.ratio = m / ref.median;
  }
  if (options.target) {
    out.target = options.target;
    const { max, maxRatio } = options.target;
    if (maxRatio !== undefined) out.met = out.ratio === undefined ? null : out.ratio <= maxRatio;
    else if (max !== undefined) out.met = m <= max;
  }
  return out;
}
