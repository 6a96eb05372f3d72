/**
 * The race fuzzer as one fast-check property, shared by the test run (500 cases) and `npm run fuzz`
 * (10,000 and more): each case runs in its own folder under one base folder and fails with the list of
 * violated properties, which fast-check then shrinks to a smallest case.
 */
import fc from 'fast-check';
import path from 'node:path';
import { raceCaseArb } from './race-case.js';
import { runRaceCase, type RaceMode, type RaceStats } from './run-race-case.js';

/** Sums over every case run, including the ones fast-check runs while shrinking. */
export interface RaceTotals {
  cases: number;
  planned: number;
  removed: number;
  skipped: Record<string, number>;
  applied: { between: number; during: number };
  heldBack: number;
}

export function emptyTotals(): RaceTotals {
  return { cases: 0, planned: 0, removed: 0, skipped: {}, applied: { between: 0, during: 0 }, heldBack: 0 };
}

function addStats(totals: RaceTotals, stats: RaceStats): void {
  totals.cases++;
  totals.planned += stats.planned;
  totals.removed += stats.removed;
  totals.applied.between += stats.applied.between;
  totals.applied.during += stats.applied.during;
  totals.heldBack += stats.heldBack;
  for (const [why, n] of Object.entries(stats.skipped)) totals.skipped[why] = (totals.skipped[why] ?? 0) + n;
}

/** The property over random cases; `baseDir` must exist and is reused (one subfolder per case, removed). */
export function raceProperty(baseDir: string, totals: RaceTotals, mode: RaceMode = 'port') {
  return fc.asyncProperty(raceCaseArb, async (c) => {
    const { problems, stats } = await runRaceCase(
      c,
      path.join(baseDir, `${mode}-case-${totals.cases}`),
      mode,
    );
    addStats(totals, stats);
    if (problems.length > 0) throw new Error(`violated:\n  ${problems.join('\n  ')}`);
  });
}

/** One line for people: how many cases, and what the mutations made the executor do. */
export function describeTotals(t: RaceTotals): string {
  const skipped = Object.entries(t.skipped)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([why, n]) => `${why} ${n}`)
    .join(', ');
  return (
    `${t.cases} cases: ${t.planned} files planned, ${t.removed} removed, skipped: ${skipped || 'none'}; ` +
    `mutations applied ${t.applied.between} between planning and removal, ${t.applied.during} during it, ` +
    `${t.heldBack} held back from the check-to-unlink window`
  );
}
