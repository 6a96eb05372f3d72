/**
 * Prints the figures of `bench/results/*.json` as a Markdown table, for bench/PERFORMANCE.md and the README.
 *   node --import tsx bench/performance-table.ts [results dir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './lib/figures.js';
import { HEADER, tableRows } from './lib/print-table.js';

const ORDER = ['scan', 'memory', 'cleanup', 'startup', 'cli', 'idle', 'watch'];
const dir = process.argv[2] ?? fileURLToPath(new URL('./results/', import.meta.url));
// Other benches write their own files here (load.json …): take only the ones bench/run.ts writes.
const results = readdirSync(dir)
  .filter((name) => ORDER.includes(name.replace(/\.json$/, '')))
  .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as BenchResult)
  .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(row(HEADER));
console.log(row(HEADER.map(() => '---')));
for (const cells of tableRows(results)) console.log(row(cells));
console.log('');
for (const r of results) {
  console.log(
    `- \`${r.name}\` (${r.startedAt.slice(0, 16)}Z, load ${r.machine.loadAverage1m}): \`${r.command}\``,
  );
}
