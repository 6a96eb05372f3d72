/** Memory of a process holding the index of the million-file tree, and bytes per file above its baseline. */
import { figure } from '../lib/figures.js';
import { resultOf, type Measurement } from '../lib/bench-context.js';
import { benchConfig, completeSnapshot, launchUntil, rssOf, stop } from '../lib/headroom-cli.js';
import { runProbe } from '../lib/run-process.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchTempDir, ensureTree } from '../lib/synthetic-tree.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface MemoryProbeResult {
  baselineRssBytes: number;
  heldRssBytes: number;
  peakRssBytes: number;
  bytesPerFile: number;
  indexArrayBytesPerFile: number;
  indexMs: number;
  stallMs: number;
}

const MB = 2 ** 20;
/** After the first complete snapshot: watchers set up, start-up garbage collectable. */
const SETTLE_MS = 3_000;
/** Then as a service sits: the scan's free pages returned (scan/release-free-memory.ts), V8 idle. */
const STEADY_MS = 15_000;
/** #17: `headroom run` holding a million files in at most this much, steady. */
const RUN_GOAL_MB = 120;

/** RSS of `headroom run` on an empty folder, as long after start as the runs above are read. */
async function runRssOnEmptyFolder(repetitions: number): Promise<number[]> {
  const empty = mkdtempSync(join(benchTempDir(), 'headroom-bench-empty-'));
  const { args, dispose } = benchConfig([empty]);
  const values: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const { child } = await launchUntil(['run', '--json', ...args], completeSnapshot([0]));
    await sleep(STEADY_MS);
    values.push(rssOf(child.pid as number).rssBytes);
    await stop(child);
  }
  dispose();
  rmSync(empty, { recursive: true, force: true });
  return values;
}

export const memoryMeasurement: Measurement = {
  name: 'memory',
  async run(ctx) {
    const tree = ensureTree(ctx.large);
    ctx.log(`memory: index of ${tree.fileCount} files`);
    const runs: MemoryProbeResult[] = [];
    // No warm-up needed for memory, but several runs show how steady it is.
    for (let i = 0; i < ctx.repeat.repetitions; i++) {
      const probe = `${ctx.probeDir}/memory-probe.js`;
      runs.push(await runProbe(probe, [tree.root, String(tree.fileCount)], ['--expose-gc']));
    }
    const { args: config, dispose } = benchConfig([tree.root]);
    const live: { rssBytes: number; peakBytes: number; steadyBytes: number }[] = [];
    for (let i = 0; i < ctx.repeat.repetitions; i++) {
      const { child } = await launchUntil(['run', '--json', ...config], completeSnapshot([tree.fileCount]));
      await sleep(SETTLE_MS);
      const settled = rssOf(child.pid as number);
      await sleep(STEADY_MS - SETTLE_MS);
      const steady = rssOf(child.pid as number);
      live.push({ ...settled, steadyBytes: steady.rssBytes, peakBytes: steady.peakBytes });
      await stop(child);
    }
    dispose();
    const emptyRss = await runRssOnEmptyFolder(ctx.repeat.repetitions);
    const col = (pick: (r: MemoryProbeResult) => number) => runs.map(pick);
    const figures = [
      figure(
        'Peak RSS, scan + index',
        'MB',
        col((r) => r.peakRssBytes / MB),
        { target: { max: 150 } },
      ),
      figure(
        'RSS holding the index (after GC)',
        'MB',
        col((r) => r.heldRssBytes / MB),
        { target: { max: 150 } },
      ),
      figure(
        `headroom run on ${tree.fileCount} files: RSS steady`,
        'MB',
        live.map((r) => r.steadyBytes / MB),
        {
          reference: { tool: 'same, empty folder', values: emptyRss.map((b) => b / MB) },
          target: { max: RUN_GOAL_MB },
        },
      ),
      figure(
        `… ${SETTLE_MS / 1000} s after its first complete snapshot`,
        'MB',
        live.map((r) => r.rssBytes / MB),
        { target: { max: RUN_GOAL_MB } },
      ),
      figure(
        '… its peak RSS',
        'MB',
        live.map((r) => r.peakBytes / MB),
        { target: { max: 150 } },
      ),
      figure(
        'RSS before the scan (baseline)',
        'MB',
        col((r) => r.baselineRssBytes / MB),
      ),
      figure(
        'RSS per file above the baseline',
        'B/file',
        col((r) => r.bytesPerFile),
      ),
      figure(
        "Index's own arrays per file",
        'B/file',
        col((r) => r.indexArrayBytesPerFile),
      ),
      figure(
        `Scan into the index, ${tree.fileCount} files`,
        'ms',
        col((r) => r.indexMs),
      ),
      figure(
        'Longest event-loop stall, scan into the index',
        'ms',
        col((r) => r.stallMs),
        { target: { max: 50 } },
      ),
    ];
    const notes = [
      'One process per run (node --expose-gc): imports loaded and an empty scan done, then scanFolderIndex (each worker batch indexed as it arrives, as the live engine does), GC.',
      `headroom run --json (the built CLI) on the same tree, RSS read from /proc ${SETTLE_MS / 1000} s and ${STEADY_MS / 1000} s (steady) after its first complete snapshot; #17's goal is ${RUN_GOAL_MB} MB steady.`,
      'The reference is the same command on an empty folder: the fixed cost (node, its libraries, the engine) under the files.',
      'Peak RSS is the kernel high-water mark (VmHWM), worker threads and transfer buffers included.',
      "The stall is wall time on a 10 ms timer while two workers share the cores: compare the scan figure's idle reference.",
    ];
    return resultOf(ctx, 'memory', 'Memory holding the index', ctx.large, figures, notes);
  },
};
