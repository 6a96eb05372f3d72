/** The benchmark's summary: one row per figure, medians beside the reference tool's, and how to re-run. */
import type { BenchResult, Figure } from './figures.js';

function formatValue(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return '–';
  const digits = unit === 's' ? 2 : value < 10 && unit !== 'count' ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

function targetText(f: Figure): string {
  if (f.target?.maxRatio !== undefined) return `≤ ${f.target.maxRatio}x`;
  if (f.target?.max !== undefined) return `≤ ${formatValue(f.target.max, f.unit)}`;
  return '';
}

/** Rows as plain strings, for the console and for PERFORMANCE.md alike. */
export function tableRows(results: BenchResult[]): string[][] {
  const rows: string[][] = [];
  for (const result of results) {
    for (const f of result.figures) {
      rows.push([
        f.label,
        formatValue(f.median, f.unit),
        f.reference ? `${formatValue(f.reference.median, f.unit)} (${f.reference.tool})` : '',
        f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}x`,
        targetText(f),
        f.met === null ? '' : f.met ? 'yes' : 'NO',
      ]);
    }
  }
  return rows;
}

export const HEADER = ['Figure', 'Headroom (median)', 'Reference (median)', 'Ratio', 'Target', 'Met'];

/** Prints the table and the command that reproduces each measurement. */
export function printTable(results: BenchResult[]): void {
  const rows = [HEADER, ...tableRows(results)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ');
  console.log(line(rows[0] as string[]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  console.log('\nReproduce:');
  for (const r of results) console.log(`  ${r.name.padEnd(8)} ${r.command}`);
}
