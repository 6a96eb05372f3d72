/**
 * Start-up: from launching `headroom` to its first complete snapshot of the 100,000-file tree, for the
 * one-shot `status --json` and the long-running `run --json`, against `du -sb` on the same tree.
 */
import { figure } from '../lib/figures.js';
import { resultOf, type Measurement } from '../lib/bench-context.js';
import { benchConfig, completeSnapshot, headroomCommand, launchUntil, stop } from '../lib/headroom-cli.js';
import { repeat } from '../lib/repeat.js';
import { timeCommand } from '../lib/run-process.js';
import { ensureTree } from '../lib/synthetic-tree.js';

export const startupMeasurement: Measurement = {
  name: 'startup',
  async run(ctx) {
    const tree = ensureTree(ctx.medium);
    const { args: config, dispose } = benchConfig([tree.root]);
    ctx.log(`startup: headroom status/run on ${tree.fileCount} files`);
    const duMs = await repeat(ctx.repeat, () => timeCommand('du', ['-sb', tree.root]));
    // status prints one pretty-printed JSON document when done: its exit is the first complete snapshot.
    const statusMs = await repeat(ctx.repeat, () => {
      const { argv } = headroomCommand();
      return timeCommand(argv[0] as string, [...argv.slice(1), 'status', '--json', ...config]);
    });
    const runMs = await repeat(ctx.repeat, async () => {
      const { child, ms } = await launchUntil(
        ['run', '--json', ...config],
        completeSnapshot([tree.fileCount]),
      );
      await stop(child);
      return ms;
    });
    dispose();
    const reference = { tool: 'du -sb', values: duMs };
    const figures = [
      figure(`headroom status --json, ${tree.fileCount} files`, 'ms', statusMs, { reference }),
      figure(`headroom run --json to first complete snapshot`, 'ms', runMs, { reference }),
    ];
    const notes = [
      headroomCommand().built
        ? 'The built CLI (node bin/headroom.js), as installed.'
        : 'out/main/cli.js was missing: the CLI ran from source through tsx, which adds its compile time.',
      'Times include starting Node and loading the config; du needs neither.',
    ];
    return resultOf(ctx, 'startup', 'Start-up to the first complete snapshot', ctx.medium, figures, notes);
  },
};
