/**
 * The CLI's fixed cost: `headroom status` on one empty folder and `headroom --version`, whole process, each
 * beside `node -e 0` started in the same round (they alternate, so the machine's drift hits both).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '../lib/figures.js';
import { resultOf, type Measurement } from '../lib/bench-context.js';
import { benchConfig, headroomCommand } from '../lib/headroom-cli.js';
import { repeatPair } from '../lib/repeat.js';
import { timeCommand } from '../lib/run-process.js';
import { benchTempDir } from '../lib/synthetic-tree.js';

/** A start-up is ~0.1–0.5 s: more rounds than the tree benchmarks, so one busy moment cannot set the median. */
const ROUNDS = { full: 15, quick: 7, smoke: 2 };

export const cliStartMeasurement: Measurement = {
  name: 'cli',
  async run(ctx) {
    const empty = mkdtempSync(join(benchTempDir(), 'headroom-bench-empty-'));
    const { args: config, dispose } = benchConfig([empty]);
    const { argv } = headroomCommand();
    const headroom = (args: string[]) => () => timeCommand(argv[0] as string, [...argv.slice(1), ...args]);
    const bareNode = () => timeCommand(process.execPath, ['-e', '0']);
    const mode = ctx.runFlags.includes('--smoke')
      ? 'smoke'
      : ctx.runFlags.includes('--quick')
        ? 'quick'
        : 'full';
    const plan = { warmups: 2, repetitions: ROUNDS[mode] };
    ctx.log(
      `cli: headroom status on an empty folder and --version against node -e 0, ${plan.repetitions} rounds`,
    );
    try {
      const status = await repeatPair(plan, headroom(['status', ...config]), bareNode);
      const version = await repeatPair(plan, headroom(['--version']), bareNode);
      const figures = [
        figure('headroom status, one empty folder (whole process)', 'ms', status.ours, {
          reference: { tool: 'node -e 0', values: status.reference },
          target: { max: 250 },
        }),
        figure('headroom --version (whole process)', 'ms', version.ours, {
          reference: { tool: 'node -e 0', values: version.reference },
        }),
      ];
      const notes = [
        headroomCommand().built
          ? 'The built CLI (node bin/headroom.js), as installed.'
          : 'out/main/cli.js was missing: the CLI ran from source through tsx, which adds its compile time.',
        'The target (250 ms) was set where `node -e 0` took 170 ms: on a busy machine, judge it by the difference from node (status minus node -e 0), which is what Headroom adds.',
      ];
      const result = resultOf(ctx, 'cli', 'The CLI’s fixed cost', null, figures, notes);
      return { ...result, repetitions: plan.repetitions, warmups: plan.warmups };
    } finally {
      dispose();
      rmSync(empty, { recursive: true, force: true });
    }
  },
};
