/** Idle cost: CPU seconds `headroom run` uses watching three folders while nothing changes. */
import { setTimeout as sleep } from 'node:timers/promises';
import { figure } from '../lib/figures.js';
import { resultOf, type Measurement } from '../lib/bench-context.js';
import { benchConfig, completeSnapshot, cpuSeconds, launchUntil, rssOf, stop } from '../lib/headroom-cli.js';
import { repeat } from '../lib/repeat.js';
import { ensureTree } from '../lib/synthetic-tree.js';

const SETTLE_MS = 2_000;
const MB = 2 ** 20;

export const idleMeasurement: Measurement = {
  name: 'idle',
  async run(ctx) {
    const small = Math.max(10, Math.floor(ctx.medium.files / 100));
    const trees = [
      ensureTree(ctx.medium),
      ensureTree({ files: small, folders: 10, seed: 2 }),
      ensureTree({ files: small, folders: 10, seed: 3 }),
    ];
    const { args: config, dispose } = benchConfig(trees.map((t) => t.root));
    ctx.log(`idle: headroom run on three folders for ${ctx.idleSeconds} s`);
    const runs = await repeat({ warmups: 0, repetitions: ctx.repeat.repetitions }, async () => {
      const expected = completeSnapshot(trees.map((t) => t.fileCount));
      const { child } = await launchUntil(['run', '--json', ...config], expected);
      try {
        await sleep(SETTLE_MS); // the start-up scan's last chunks and the watchers' set-up are not idling
        const pid = child.pid as number;
        const before = cpuSeconds(pid);
        await sleep(ctx.idleSeconds * 1000);
        return { cpuS: cpuSeconds(pid) - before, ...rssOf(pid) };
      } finally {
        await stop(child);
      }
    });
    dispose();
    const files = trees.reduce((n, t) => n + t.fileCount, 0);
    const figures = [
      figure(
        `CPU used idle over ${ctx.idleSeconds} s`,
        's',
        runs.map((r) => r.cpuS),
        { target: { max: 0.2 } },
      ),
      figure(
        `RSS of headroom run, ${files} files watched`,
        'MB',
        runs.map((r) => r.rssBytes / MB),
        {
          target: { max: 150 },
        },
      ),
      figure(
        '… its peak RSS',
        'MB',
        runs.map((r) => r.peakBytes / MB),
        { target: { max: 150 } },
      ),
    ];
    const notes = [
      `Folders: ${trees.map((t) => t.fileCount).join(', ')} files; CPU from /proc/<pid>/stat (utime + stime).`,
      `Measured from ${SETTLE_MS / 1000} s after the first complete snapshot.`,
    ];
    return resultOf(ctx, 'idle', 'Idle cost of headroom run', ctx.medium, figures, notes);
  },
};
