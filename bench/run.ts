/**
 * `npm run bench`: Headroom's scan, memory, cleanup, start-up, CLI, idle and watching figures beside the tool a
 * user would otherwise reach for, as medians over several runs after a warm-up. Benchmarks, not tests:
 * nothing here fails on a slow figure.
 *
 *   node --import tsx bench/run.ts [--quick] [--smoke] [--only scan,memory,…] [--out DIR]
 *
 * --quick: the 100,000-file tree stands in for the million, fewer runs. --smoke: tiny trees, one run each
 * (keeps this script from rotting). Both write to a temp folder unless --out is given; a full run writes
 * `bench/results/<name>.json`, which is what the README's Performance section quotes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext, Measurement } from './lib/bench-context.js';
import { bundleProbes } from './lib/bundle-probes.js';
import type { BenchResult } from './lib/figures.js';
import { printTable } from './lib/print-table.js';
import { cliStartMeasurement } from './measurements/cli-start-measurement.js';
import { cleanupMeasurement } from './measurements/cleanup-measurement.js';
import { gaugeMeasurement } from './measurements/gauge-measurement.js';
import { idleMeasurement } from './measurements/idle-measurement.js';
import { memoryMeasurement } from './measurements/memory-measurement.js';
import { scanMeasurement } from './measurements/scan-measurement.js';
import { startupMeasurement } from './measurements/startup-measurement.js';
import { watchMeasurement } from './measurements/watch-measurement.js';

const MEASUREMENTS: Measurement[] = [
  scanMeasurement,
  memoryMeasurement,
  cleanupMeasurement,
  startupMeasurement,
  cliStartMeasurement,
  idleMeasurement,
  watchMeasurement,
  gaugeMeasurement,
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});

const mode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
const seed = 1;
const medium =
  mode === 'smoke' ? { files: 1_000, folders: 10, seed } : { files: 100_000, folders: 1_000, seed };
const large = mode === 'full' ? { files: 1_000_000, folders: 10_000, seed } : medium;
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !MEASUREMENTS.some((m) => m.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `Unknown measurement ${unknown.join(', ')}; known: ${MEASUREMENTS.map((m) => m.name).join(', ')}`,
  );
  process.exit(2);
}

const outDir =
  values.out ??
  (mode === 'full'
    ? fileURLToPath(new URL('./results/', import.meta.url))
    : join(tmpdir(), `headroom-bench-results-${mode}`));
const ctx: BenchContext = {
  large,
  medium,
  repeat: mode === 'smoke' ? { warmups: 0, repetitions: 1 } : { warmups: 1, repetitions: 3 },
  probeDir: await bundleProbes(),
  runFlags: mode === 'full' ? [] : [`--${mode}`],
  idleSeconds: mode === 'smoke' ? 1 : mode === 'quick' ? 20 : 60,
  log: (line) => console.error(`[bench] ${line}`),
};

mkdirSync(outDir, { recursive: true });
const results: BenchResult[] = [];
for (const measurement of MEASUREMENTS.filter((m) => !only || only.includes(m.name))) {
  const result = await measurement.run(ctx);
  writeFileSync(join(outDir, `${result.name}.json`), JSON.stringify(result, null, 2) + '\n');
  results.push(result);
}
printTable(results);
console.log(`\nResults: ${outDir}`);
