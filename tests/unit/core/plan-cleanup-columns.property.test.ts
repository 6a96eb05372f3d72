import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oldestFirstOrderOf } from '../../../electron/core/oldest-first.js';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import { PackedFiles, PackedFilesBuilder } from '../../../electron/engine/scan/packed-files.js';
import type { FileEntry } from '../../../shared/types.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../../shared/units.js';
import { NOW_MS, rules } from './plan-fixtures.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';
import { packEntries } from '../../../bench/lib/packed-entries.js';

// Names mix ASCII, a BMP character above the surrogates (U+E000) and an astral one (U+1F600, a surrogate
// pair): code-unit order puts the astral one first, code-point or UTF-8 byte order would not.
const segmentArb = fc.stringMatching(/^[pxak.\u00e9\ue000\u{1f600}]{1,3}$/u);
const pathArb = fc.array(segmentArb, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));

// Few distinct mtimes, so many files tie and the path decides their order.
const mtimeArb = fc.oneof(
  fc.constantFrom(NOW_MS - 10 * MS_PER_DAY, NOW_MS - 2 * MS_PER_DAY, NOW_MS - 5 * MS_PER_MINUTE, NaN),
  fc.integer({ min: NOW_MS - 20 * MS_PER_DAY, max: NOW_MS + MS_PER_MINUTE }),
);

const fileArb: fc.Arbitrary<FileEntry> = fc.record({
  path: pathArb,
  sizeBytes: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
  mtimeMs: mtimeArb,
  dev: fc.integer({ min: 0, max: 2 ** 40 }),
  ino: fc.oneof(fc.nat(), fc.constant(2 ** 53 - 1)),
});

const globsArb = fc.constantFrom<string[]>([], ['p*'], ['x*', '*.k'], ['a/'], ['/p/**'], ['\u{1f600}*']);

const folderArb = fc.record({
  files: fc.array(fileArb, { maxLength: 60 }),
  limits: fc.record({
    maxSizeBytes: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
    maxFiles: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    maxAgeDays: fc.option(fc.double({ min: 0.01, max: 15, noNaN: true }), { nil: null }),
    minAgeMinutes: fc.integer({ min: 0, max: 60 * 24 * 3 }),
    sizeTargetPercent: fc.double({ min: 1, max: 100, noNaN: true }),
    protect: globsArb,
    exclude: globsArb,
  }),
  nocase: fc.boolean(),
});

/** Columns as a scan worker hands them over: longer than `count`, only the first `count` are files. */
function untrimmed(files: readonly FileEntry[]): PackedFiles {
  const builder = new PackedFilesBuilder(files.length + 7);
  const encoder = new TextEncoder();
  for (const f of files) builder.add(encoder.encode(f.path), 0, f.sizeBytes, f.mtimeMs, f.dev, f.ino);
  return new PackedFiles(builder.columns());
}

describe('planFolder from columns (property)', () => {
  it('plans exactly what it plans from the same files as an array, trimmed or untrimmed columns', () => {
    fc.assert(
      fc.property(folderArb, ({ files, limits, nocase }) => {
        const r = rules({ ...limits, caseSensitiveGlobs: !nocase });
        const fromArray = planFolder(columnsOf(files), r, NOW_MS);
        const packed = packEntries(files);
        expect(planFolder(packed, r, NOW_MS)).toEqual(fromArray);
        const loose = untrimmed(files);
        expect(loose.sizeBytes.length).toBeGreaterThan(loose.count);
        expect(planFolder(loose, r, NOW_MS)).toEqual(fromArray);
      }),
      { numRuns: 2000 },
    );
  });
});

/** The order spelled out with a comparator: mtime ascending (NaN last), then path in code-unit order. */
function referenceOrder(files: readonly FileEntry[]): number[] {
  const time = (f: FileEntry): number => (Number.isNaN(f.mtimeMs) ? Infinity : f.mtimeMs);
  return files
    .map((_, i) => i)
    .sort((a, b) => {
      const fa = files[a]!;
      const fb = files[b]!;
      const pathOrder = fa.path < fb.path ? -1 : fa.path > fb.path ? 1 : a - b;
      return time(fa) - time(fb) || pathOrder;
    });
}

describe('oldestFirstOrderOf (property)', () => {
  it('orders columns exactly as a comparator sort by mtime, then path in code-unit order', () => {
    fc.assert(
      fc.property(fc.array(fileArb, { maxLength: 60 }), (files) => {
        const expected = referenceOrder(files);
        const packed = untrimmed(files);
        const fromColumns = oldestFirstOrderOf(packed.count, packed.mtimeMs, (i) => packed.path(i));
        expect(Array.from(fromColumns)).toEqual(expected);
        // Any array-like of mtimes will do, e.g. a plain array beside the entries.
        const fromArray = oldestFirstOrderOf(
          files.length,
          files.map((f) => f.mtimeMs),
          (i) => files[i]!.path,
        );
        expect(Array.from(fromArray)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
