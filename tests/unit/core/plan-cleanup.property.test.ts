import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import type { FileEntry, FolderRules } from '../../../shared/types.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../../shared/units.js';
import { NOW_MS, rules } from './plan-fixtures.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';

// Single-segment names, so the globs below have an obvious independent meaning:
// 'p*' protects names starting with p, 'x*' excludes names starting with x.
const fileArb = fc.record({
  path: fc.stringMatching(/^[a-z]{1,4}$/),
  sizeBytes: fc.integer({ min: 0, max: 1000 }),
  mtimeMs: fc.integer({ min: NOW_MS - 20 * MS_PER_DAY, max: NOW_MS + MS_PER_MINUTE }),
  dev: fc.constant(1),
  ino: fc.nat(),
});

const rulesArb = fc.record({
  maxSizeBytes: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
  maxFiles: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
  maxAgeDays: fc.option(fc.double({ min: 0.01, max: 15, noNaN: true }), { nil: null }),
  minAgeMinutes: fc.integer({ min: 0, max: 60 * 24 * 3 }),
  sizeTargetPercent: fc.double({ min: 1, max: 100, noNaN: true }),
});

const folderArb = fc.record({
  files: fc.uniqueArray(fileArb, { selector: (f) => f.path, maxLength: 60 }),
  limits: rulesArb,
});

function isHeldBack(f: FileEntry, r: FolderRules): boolean {
  return f.path.startsWith('p') || f.mtimeMs > NOW_MS - r.minAgeMinutes * MS_PER_MINUTE;
}

describe('planFolder (property)', () => {
  it('never plans a held-back or excluded file, plans only input files, and leaves every limit met unless it says otherwise', () => {
    fc.assert(
      fc.property(folderArb, ({ files, limits }) => {
        const r = rules({ ...limits, protect: ['p*'], exclude: ['x*'] });
        const plan = planFolder(columnsOf(files), r, NOW_MS);
        const byPath = new Map(files.map((f) => [f.path, f]));
        const plannedPaths = new Set(plan.remove.map((p) => p.path));
        expect(plannedPaths.size).toBe(plan.remove.length);

        for (const p of plan.remove) {
          const input = byPath.get(p.path);
          expect(input).toBeDefined();
          expect({ ...p, reason: undefined }).toEqual({ ...input, reason: undefined });
          expect(isHeldBack(input!, r)).toBe(false);
          expect(p.path.startsWith('x')).toBe(false);
        }

        const left = files.filter((f) => !f.path.startsWith('x') && !plannedPaths.has(f.path));
        const leftBytes = left.reduce((s, f) => s + f.sizeBytes, 0);
        const oldLeft = left.filter(
          (f) => r.maxAgeDays !== null && NOW_MS - f.mtimeMs > r.maxAgeDays * MS_PER_DAY,
        );
        // The age rule is unconditional: an old file that is still there must be held back.
        expect(oldLeft.every((f) => isHeldBack(f, r))).toBe(true);
        const limitsHold =
          (r.maxFiles === null || left.length <= r.maxFiles) &&
          (r.maxSizeBytes === null || leftBytes <= r.maxSizeBytes) &&
          oldLeft.length === 0;
        expect(plan.overLimitAfter).toBe(!limitsHold);
        // Only held-back files may keep a folder over its count or size limit.
        const countOrSizeOver =
          (r.maxFiles !== null && left.length > r.maxFiles) ||
          (r.maxSizeBytes !== null && leftBytes > r.maxSizeBytes);
        if (countOrSizeOver) expect(left.every((f) => isHeldBack(f, r))).toBe(true);
        expect(plan.notes.length > 0).toBe(plan.overLimitAfter);
        expect(plan.bytesToFree).toBe(plan.remove.reduce((s, p) => s + p.sizeBytes, 0));
      }),
      { numRuns: 3000 },
    );
  });

  it('removes files oldest first: no remaining candidate is older than a file planned by count or size', () => {
    fc.assert(
      fc.property(folderArb, ({ files, limits }) => {
        const r = rules({ ...limits, protect: ['p*'], exclude: ['x*'] });
        const plan = planFolder(columnsOf(files), r, NOW_MS);
        const plannedPaths = new Set(plan.remove.map((p) => p.path));
        const byLimit = plan.remove.filter((p) => p.reason !== 'age');
        const newestPlanned = Math.max(-Infinity, ...byLimit.map((p) => p.mtimeMs));
        const olderCandidateLeft = files.some(
          (f) =>
            !f.path.startsWith('x') &&
            !isHeldBack(f, r) &&
            !plannedPaths.has(f.path) &&
            f.mtimeMs < newestPlanned,
        );
        expect(olderCandidateLeft).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
