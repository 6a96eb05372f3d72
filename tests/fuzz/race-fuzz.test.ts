/**
 * Issue 7 item 1: race fuzzing of planning and removal on real temp folders. Random trees, rules and
 * mutations (between planning and removal, and during the removal through the removal core's `DirFs`
 * port); see tests/fuzz/support/ for the model and the properties. The
 * delete worker itself meets real concurrent mutations in worker-race.test.ts. `npm run fuzz` runs the long mode.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeTotals, emptyTotals, raceProperty } from './support/race-property.js';

const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-race-'));
afterAll(() => fs.rmSync(baseDir, { recursive: true, force: true }));

describe('race fuzzing: planning, mutations, removal', () => {
  it('keeps every property over 500 random cases (real folders, mutations through the removal core’s fs port)', async () => {
    const totals = emptyTotals();

    await fc.assert(raceProperty(baseDir, totals), { numRuns: 500 });

    console.info(describeTotals(totals));
    // The properties only mean something if the mutations really landed and the executor saw them.
    expect(totals.applied.between).toBeGreaterThan(100);
    expect(totals.applied.during).toBeGreaterThan(50);
    for (const why of ['changed', 'gone', 'not-a-regular-file', 'outside-root']) {
      expect(totals.skipped[why] ?? 0, why).toBeGreaterThan(0);
    }
    expect(totals.removed).toBeGreaterThan(0);
  }, 180_000);
});
