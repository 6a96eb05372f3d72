/**
 * One race-fuzz case as plain data, and the fast-check arbitrary that generates it: a small tree of files
 * with random sizes and ages, folder rules with protect/exclude globs, and mutations applied between
 * planning and removal or during the removal itself (fired when the executor `lstat`s a planned file).
 */
import fc from 'fast-check';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../../shared/units.js';

/** Folders a file may live in; `''` is the root. Shallow, so the parent walk has 0–3 steps. */
export const CASE_DIRS = ['', 'a', 'a/b', 'a/b/c', 'd', 'd/e'] as const;
const EXTENSIONS = ['.wav', '.png', '.keep', '.tmp'] as const;

/** Smallest file: every file starts with a 10-byte tag naming it (see case-tree.ts). */
export const MIN_FILE_BYTES = 10;

export interface FileSpec {
  path: string;
  sizeBytes: number;
  /** How long before the plan's time the file was last modified. */
  ageMs: number;
}

export type FileMutationKind =
  'delete' | 'rename-away' | 'rename-onto' | 'grow' | 'touch' | 'replace-same' | 'file-to-link' | 'new-file';
export type DirMutationKind = 'dir-to-link' | 'dir-delete' | 'dir-to-file';
export type MutationKind = FileMutationKind | DirMutationKind;

/**
 * When a mutation happens: after planning and before the run (`between`), or when the executor makes its
 * `nth` `lstat` of the planned file `onItem` (index into the plan, modulo its length), just `before` that
 * call or just `after` it returns.
 */
export type Trigger =
  { phase: 'between' } | { phase: 'during'; onItem: number; nth: 1 | 2; at: 'before' | 'after' };

export interface MutationSpec {
  kind: MutationKind;
  /** Which file (index into the plan when it has files) or folder the mutation hits. */
  target: number;
  /** A second choice: the source file of `rename-onto`, a size or time delta for the others. */
  other: number;
  trigger: Trigger;
}

export interface RuleSpec {
  maxAgeDays: number;
  maxFiles: number | null;
  maxSizeBytes: number | null;
  sizeTargetPercent: number;
  protect: string[];
  exclude: string[];
}

export interface RaceCase {
  files: FileSpec[];
  rules: RuleSpec;
  mutations: MutationSpec[];
}

const ageArb = fc.oneof(
  // Young: inside the 10-minute grace period, never removable.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 * MS_PER_MINUTE }) },
  { weight: 2, arbitrary: fc.integer({ min: 11 * MS_PER_MINUTE, max: 2 * MS_PER_DAY }) },
  { weight: 4, arbitrary: fc.integer({ min: 2 * MS_PER_DAY, max: 30 * MS_PER_DAY }) },
);

const fileArb: fc.Arbitrary<FileSpec> = fc
  .record({
    dir: fc.constantFrom(...CASE_DIRS),
    n: fc.integer({ min: 0, max: 99 }),
    ext: fc.constantFrom(...EXTENSIONS),
    sizeBytes: fc.integer({ min: MIN_FILE_BYTES, max: 3000 }),
    ageMs: ageArb,
  })
  .map(({ dir, n, ext, sizeBytes, ageMs }) => ({
    path: `${dir === '' ? '' : `${dir}/`}f${n}${ext}`,
    sizeBytes,
    ageMs,
  }));

const rulesArb: fc.Arbitrary<RuleSpec> = fc.record({
  maxAgeDays: fc.integer({ min: 1, max: 20 }),
  maxFiles: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 2 }),
  maxSizeBytes: fc.option(fc.integer({ min: 0, max: 40_000 }), { freq: 2 }),
  sizeTargetPercent: fc.integer({ min: 10, max: 100 }),
  protect: fc.subarray(['*.keep', 'd/e/**']),
  exclude: fc.subarray(['*.tmp']),
});

const triggerArb: fc.Arbitrary<Trigger> = fc.oneof(
  fc.constant({ phase: 'between' as const }),
  fc.record({
    phase: fc.constant('during' as const),
    onItem: fc.nat({ max: 40 }),
    nth: fc.constantFrom(1 as const, 2 as const),
    at: fc.constantFrom('before' as const, 'after' as const),
  }),
);

const kindArb = fc.constantFrom<MutationKind>(
  'delete',
  'rename-away',
  'rename-onto',
  'grow',
  'touch',
  'replace-same',
  'file-to-link',
  'new-file',
  'dir-to-link',
  'dir-delete',
  'dir-to-file',
);

const mutationArb: fc.Arbitrary<MutationSpec> = fc.record({
  kind: kindArb,
  target: fc.nat({ max: 40 }),
  other: fc.nat({ max: 1000 }),
  trigger: triggerArb,
});

/** 5–30 files with distinct paths, rules, and 0–6 mutations. */
export const raceCaseArb: fc.Arbitrary<RaceCase> = fc.record({
  files: fc.uniqueArray(fileArb, { minLength: 5, maxLength: 30, selector: (f) => f.path }),
  rules: rulesArb,
  mutations: fc.array(mutationArb, { maxLength: 6 }),
});
