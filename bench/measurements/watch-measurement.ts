/**
 * Watching figures from `bench/watch-compare.ts` (its `--child BACKEND ROOT LEAVES` mode), run on a fresh
 * copy of the 100,000-file tree per backend: Headroom's fs.watch-per-folder backend, chokidar as reference.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, type Figure } from '../lib/figures.js';
import { resultOf, type Measurement } from '../lib/bench-context.js';
import { benchTempDir, writeTree, type TreeSpec } from '../lib/synthetic-tree.js';

interface WatchResult {
  readyMs: number;
  rssAddedMb: number;
  inotifyWatches: number;
  p50Ms: number;
  p95Ms: number;
  burstSettleMs: number;
  burstExact: boolean;
}

const script = fileURLToPath(new URL('../watch-compare.ts', import.meta.url));

function watchOnce(backend: string, spec: TreeSpec): WatchResult & { folders: number } {
  const home = mkdtempSync(join(benchTempDir(), 'headroom-bench-watch-'));
  try {
    const root = join(home, 'tree');
    const facts = writeTree(root, spec);
    const args = ['--expose-gc', '--import', 'tsx', script, '--child', backend, root, String(spec.folders)];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`watch-compare ${backend} failed: ${run.stderr.slice(-2000)}`);
    // Every folder of the tree, the root included: the most watches that are still one per folder.
    return { ...(JSON.parse(line.slice('RESULT '.length)) as WatchResult), folders: facts.dirCount + 1 };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export const watchMeasurement: Measurement = {
  name: 'watch',
  async run(ctx) {
    const spec = ctx.medium;
    ctx.log(`watch: fs and chokidar backends on ${spec.files} files in ${spec.folders} folders`);
    const ours = watchOnce('fs', spec);
    const ref = watchOnce('chokidar', spec);
    const pair = (label: string, unit: Figure['unit'], pick: (r: WatchResult) => number, max?: number) =>
      figure(label, unit, [pick(ours)], {
        reference: { tool: 'chokidar 5', values: [pick(ref)] },
        ...(max === undefined ? {} : { target: { max } }),
      });
    const figures = [
      pair('Watch: time to ready', 'ms', (r) => r.readyMs, 1000),
      pair('Watch: RSS added', 'MB', (r) => r.rssAddedMb, 80),
      pair('Watch: inotify watches', 'count', (r) => r.inotifyWatches, ours.folders),
      pair('Watch: write → event p50', 'ms', (r) => r.p50Ms),
      pair('Watch: write → event p95', 'ms', (r) => r.p95Ms, 300),
      pair('Watch: 10,000-file burst, last write → exact', 'ms', (r) => r.burstSettleMs, 2000),
    ];
    const notes = [
      `One run per backend (each on a freshly generated tree); burst exact: fs ${ours.burstExact}, chokidar ${ref.burstExact}.`,
      `Watch target is one watch per folder: the tree has ${ours.folders} folders, root included.`,
    ];
    return resultOf(ctx, 'watch', 'Watching (bench/watch-compare.ts)', spec, figures, notes);
  },
};
