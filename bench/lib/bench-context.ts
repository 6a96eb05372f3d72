/** What every measurement is handed: tree sizes, repetitions, where the built probes are. */
import { cpus, loadavg, platform } from 'node:os';
import type { BenchResult, Figure } from './figures.js';
import type { RepeatPlan } from './repeat.js';
import type { TreeSpec } from './synthetic-tree.js';

export interface BenchContext {
  /** The million-file tree (smaller in --quick and --smoke runs). */
  large: TreeSpec;
  /** The 100,000-file tree. */
  medium: TreeSpec;
  repeat: RepeatPlan;
  /** Folder of the esbuild-built probes (`bench/lib/bundle-probes.ts`). */
  probeDir: string;
  /** The flags given to `bench/run.ts`, for the reproduce command. */
  runFlags: string[];
  /** Seconds `headroom run` is watched idle. */
  idleSeconds: number;
  log: (line: string) => void;
}

/** A measurement: its name for `--only`, and how to run it. */
export interface Measurement {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** The common fields of a result; `figures` and `notes` are the measurement's own. */
export function resultOf(
  ctx: BenchContext,
  name: string,
  title: string,
  tree: TreeSpec | null,
  figures: Figure[],
  notes: string[],
): BenchResult {
  return {
    name,
    title,
    command: ['npm run bench --', ...ctx.runFlags, '--only', name].join(' '),
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      platform: platform(),
      loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
    },
    repetitions: ctx.repeat.repetitions,
    warmups: ctx.repeat.warmups,
    tree: tree ? { files: tree.files, folders: tree.folders, seed: tree.seed } : null,
    figures,
    notes,
  };
}
