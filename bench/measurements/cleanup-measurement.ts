/**
 * Cleanup: the oldest half of the 100,000-file tree removed through the executor, against
 * `find DIR -type f ! -newermt @T -delete` selecting exactly the same files. Each side of each round gets
 * a freshly generated copy of the tree.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '../lib/figures.js';
import { resultOf, type Measurement } from '../lib/bench-context.js';
import { repeatPair } from '../lib/repeat.js';
import { runProbe, timeCommand } from '../lib/run-process.js';
import { benchTempDir, writeTree, type TreeFacts } from '../lib/synthetic-tree.js';

interface CleanupProbeResult {
  scanMs: number;
  planMs: number;
  executeMs: number;
}

/** Generates a fresh copy of the tree, runs `use` on it, and always removes it. */
async function onFreshTree<T>(
  facts: { spec: TreeFacts['spec'] },
  use: (root: string, f: TreeFacts) => Promise<T> | T,
) {
  const home = mkdtempSync(join(benchTempDir(), 'headroom-bench-cleanup-'));
  try {
    const root = join(home, 'tree');
    return await use(root, writeTree(root, facts.spec));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function countFiles(root: string): number {
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

export const cleanupMeasurement: Measurement = {
  name: 'cleanup',
  async run(ctx) {
    const spec = ctx.medium;
    ctx.log(`cleanup: oldest half of ${spec.files} files, tree regenerated for every run`);
    const probe = `${ctx.probeDir}/cleanup-probe.js`;
    const pairs = await repeatPair(
      ctx.repeat,
      () => onFreshTree({ spec }, (root) => runProbe<CleanupProbeResult>(probe, [root, String(spec.files)])),
      () =>
        onFreshTree({ spec }, (root, facts) => {
          const ms = timeCommand('find', [
            root,
            '-type',
            'f',
            '!',
            '-newermt',
            `@${facts.halfMtimeSec}`,
            '-delete',
          ]);
          const left = countFiles(root);
          if (left !== spec.files - Math.floor(spec.files / 2)) throw new Error(`find left ${left} files`);
          return ms;
        }),
    );
    const figures = [
      figure(
        `Remove the oldest half of ${spec.files} files`,
        'ms',
        pairs.ours.map((r) => r.executeMs),
        {
          reference: { tool: 'find -delete', values: pairs.reference },
          target: { maxRatio: 1.0 },
        },
      ),
      figure(
        '… its scan, before planning',
        'ms',
        pairs.ours.map((r) => r.scanMs),
      ),
      figure(
        '… its plan (planFolder)',
        'ms',
        pairs.ours.map((r) => r.planMs),
      ),
    ];
    const notes = [
      'executePlan re-checks every file (lstat walk from the real root, same dev/inode/size/mtime) before unlinking it; find only unlinks.',
      'Files are sparse (ftruncate): unlinking a file with data blocks costs both tools the same extra work.',
    ];
    return resultOf(ctx, 'cleanup', 'Cleanup against find -delete', spec, figures, notes);
  },
};
