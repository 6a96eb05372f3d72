/**
 * `npm run crash-loop -- [--iterations N] [--files F] [--config-kills K] [--built] [--seed S]`: kills
 * `headroom clean` with SIGKILL at random points of a large run, N times (default 200, on 20,000 files),
 * and kills K config writes midway (default 50); prints what each kill left and a summary. Exit code 1
 * when any check failed. `--built` runs `bin/headroom.js` (after `npm run build`) instead of the source.
 */
import { parseArgs } from 'node:util';
import { countPoints, runCrashLoop } from '../tests/fuzz/support/crash-loop.js';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    files: { type: 'string', default: '20000' },
    'config-kills': { type: 'string', default: '50' },
    built: { type: 'boolean', default: false },
    seed: { type: 'string' },
  },
});
const iterations = Number(values.iterations);
const files = Number(values.files);
const configKills = Number(values['config-kills']);
const seed = values.seed === undefined ? Date.now() % 2_147_483_647 : Number(values.seed);
if (![iterations, files, configKills, seed].every((n) => Number.isSafeInteger(n) && n >= 0)) {
  process.stderr.write(
    'usage: npm run crash-loop -- [--iterations N] [--files F] [--config-kills K] [--built] [--seed S]\n',
  );
  process.exit(2);
}

process.stdout.write(
  `crash loop: ${iterations} kills on ${files} files, ${configKills} config kills, seed ${seed}\n`,
);
const report = await runCrashLoop({
  iterations,
  files,
  configKills,
  flavour: values.built ? 'built' : 'source',
  seed,
  onIteration: (i, r) => {
    const status = r.problems.length === 0 ? 'ok' : `FAILED\n    ${r.problems.join('\n    ')}`;
    process.stdout.write(
      `#${i + 1} killed at ${Math.round(r.killAtMs)} ms: ${r.point}, ${r.removedByKilled}/${r.planned} removed; ${status}\n`,
    );
  },
});
const failed = report.iterations.filter((r) => r.problems.length > 0).length;
const points = Object.entries(countPoints(report.iterations))
  .map(([p, n]) => `${p} ${n}`)
  .join(', ');
process.stdout.write(
  `\n${report.iterations.length} iterations in ${(report.elapsedMs / 1000).toFixed(0)} s; ` +
    `an uncut run took ${Math.round(report.calibration.beginMs)} ms to its begin record and ` +
    `${Math.round(report.calibration.runMs)} ms from there (${Math.round(report.calibration.removalMs)} ms ` +
    `from its first removal); kills: ${points}; failed iterations: ${failed}\n` +
    `config writes killed: ${configKills}, problems: ${report.configProblems.length}, ` +
    `temp files left beside the config: ${report.leftoverTempFiles}\n`,
);
for (const p of report.configProblems) process.stdout.write(`  config: ${p}\n`);
if (failed > 0 || report.configProblems.length > 0) process.exitCode = 1;
