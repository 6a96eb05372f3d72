/**
 * `npm run fuzz -- [--runs N] [--seed S]`: the race fuzzer's long mode (default 10,000 cases). Prints the
 * number of cases, what the mutations made the executor do, and any counterexample, shrunk by fast-check.
 * Exit code 1 when a property failed.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeTotals, emptyTotals, raceProperty } from '../tests/fuzz/support/race-property.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } },
});
const numRuns = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2_147_483_647 : Number(values.seed);
if (!Number.isSafeInteger(numRuns) || numRuns < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S]\n');
  process.exit(2);
}

const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-fuzz-'));
const totals = emptyTotals();
const startedMs = performance.now();
process.stdout.write(`race fuzz: ${numRuns} cases, seed ${seed}\n`);
try {
  const details = await fc.check(raceProperty(baseDir, totals), { numRuns, seed });
  const seconds = ((performance.now() - startedMs) / 1000).toFixed(1);
  process.stdout.write(`${describeTotals(totals)}\n`);
  process.stdout.write(`${details.numRuns} cases passed before the end, in ${seconds} s\n`);
  if (details.failed) {
    process.stdout.write(`${fc.defaultReportMessage(details)}\n`);
    process.stdout.write(`${String(details.errorInstance)}\n`);
    process.exitCode = 1;
  } else process.stdout.write('no counterexample\n');
} finally {
  fs.rmSync(baseDir, { recursive: true, force: true });
}
