/**
 * Prints the figures of `bench/results/*.json` as a Markdown table, for bench/PERFORMANCE.md and the README.
 *   node --import tsx bench/performance-table.ts [--write] [results dir]
 * --write puts the table into README.md and bench/PERFORMANCE.md, between their `performance-table`
 * markers, instead of printing it (then `npx prettier --write README.md bench/PERFORMANCE.md`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchResult } from './lib/figures.js';
import { HEADER, tableRows } from './lib/print-table.js';

const ORDER = ['scan', 'memory', 'cleanup', 'startup', 'cli', 'idle', 'watch', 'gauge'];
const { values, positionals } = parseArgs({
  options: { write: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const dir = positionals[0] ?? fileURLToPath(new URL('./results/', import.meta.url));
// Other benches write their own files here (load.json …): take only the ones bench/run.ts writes.
const results = readdirSync(dir)
  .filter((name) => ORDER.includes(name.replace(/\.json$/, '')))
  .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as BenchResult)
  .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const lines = [row(HEADER), row(HEADER.map(() => '---')), ...tableRows(results).map(row), ''];
for (const r of results) {
  lines.push(
    `- \`${r.name}\` (${r.startedAt.slice(0, 16)}Z, load ${r.machine.loadAverage1m}): \`${r.command}\``,
  );
}

const START = '<!-- performance-table: start (bench/performance-table.ts --write) -->';
const END = '<!-- performance-table: end -->';

/** Replaces what stands between the markers in `file`; a file without them is an error, not a guess. */
function writeInto(file: string): void {
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${file} has no performance-table markers.`);
  writeFileSync(file, `${text.slice(0, from + START.length)}\n\n${lines.join('\n')}\n\n${text.slice(to)}`);
}

if (!values.write) console.log(lines.join('\n'));
else
  for (const file of ['../README.md', './PERFORMANCE.md'])
    writeInto(fileURLToPath(new URL(file, import.meta.url)));
