import { describe, expect, it } from 'vitest';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import type { FolderPlan } from '../../../shared/types.js';
import { gbToBytes, MS_PER_DAY, MS_PER_MINUTE } from '../../../shared/units.js';
import { file, fileDays, GB, MB, NOW_MS, rules } from './plan-fixtures.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';

const planned = (plan: FolderPlan): [string, string][] => plan.remove.map((r) => [r.path, r.reason]);

describe('planFolder', () => {
  it('breaks mtime ties by path in plain code-unit order', () => {
    const files = ['b', 'a/z', 'a-z', 'B', 'a'].map((p) => file(p, 60));
    const plan = planFolder(columnsOf(files), rules({ maxFiles: 1 }), NOW_MS);
    // Code units: 'B' (0x42) < 'a' < 'a-z' ('-' 0x2d) < 'a/z' ('/' 0x2f) < 'b'; localeCompare would differ.
    expect(plan.remove.map((r) => r.path)).toEqual(['B', 'a', 'a-z', 'a/z']);
  });

  it('removes oldest first regardless of input order', () => {
    const files = [file('new', 20), file('oldest', 300), file('mid', 100)];
    expect(planned(planFolder(columnsOf(files), rules({ maxFiles: 1 }), NOW_MS))).toEqual([
      ['oldest', 'count'],
      ['mid', 'count'],
    ]);
  });

  it('runs age, then count, then size in one folder and records the first rule that selected each file', () => {
    const files = [
      fileDays('old1', 10, MB),
      fileDays('old2', 8, MB),
      fileDays('f3', 6, MB),
      fileDays('f4', 5, MB),
      fileDays('f5', 4, 4 * MB),
      fileDays('f6', 3, 4 * MB),
      fileDays('f7', 2, 2 * MB),
      fileDays('f8', 1, 2 * MB),
    ];
    const r = rules({ maxAgeDays: 7, maxFiles: 4, maxSizeBytes: 10 * MB, sizeTargetPercent: 50 });
    const plan = planFolder(columnsOf(files), r, NOW_MS);
    expect(planned(plan)).toEqual([
      ['old1', 'age'],
      ['old2', 'age'],
      ['f3', 'count'],
      ['f4', 'count'],
      ['f5', 'size'],
      ['f6', 'size'],
    ]);
    expect(plan.bytesToFree).toBe(12 * MB);
    expect(plan.overLimitAfter).toBe(false);
    expect(plan.notes).toEqual([]);
  });

  it('does not arm the size rule when age and count already brought the folder under the limit', () => {
    const files = [fileDays('old', 10, 3 * MB), fileDays('a', 2, 4 * MB), fileDays('b', 1, 4 * MB)];
    const plan = planFolder(columnsOf(files), rules({ maxAgeDays: 7, maxSizeBytes: 10 * MB }), NOW_MS);
    expect(planned(plan)).toEqual([['old', 'age']]);
  });

  it('keeps a folder over its size limit when protected and young files fill it, and says so', () => {
    const files = [
      file('keep/model.bin', 5000, 600 * MB),
      file('old.wav', 4000, 100 * MB),
      file('writing.wav', 2, 500 * MB),
    ];
    const r = rules({ maxSizeBytes: GB, protect: ['keep/'] });
    const plan = planFolder(columnsOf(files), r, NOW_MS);
    expect(planned(plan)).toEqual([['old.wav', 'size']]);
    expect(plan.overLimitAfter).toBe(true);
    expect(plan.notes).toEqual([
      'size: 1.1 GB would remain over the 1 GB limit; 600 MB is protected and 500 MB is younger than 10 min',
    ]);
    expect(plan.kept).toEqual({ protected: 1, young: 1 });
  });

  it('removes nothing when every file is held back, and counts what it kept', () => {
    const files = [file('a.keep', 500, 3 * MB), file('b.keep', 400, 3 * MB), file('c', 1, 3 * MB)];
    const plan = planFolder(columnsOf(files), rules({ maxSizeBytes: 5 * MB, protect: ['*.keep'] }), NOW_MS);
    expect(plan.remove).toEqual([]);
    expect(plan.bytesToFree).toBe(0);
    expect(plan.kept).toEqual({ protected: 2, young: 1 });
    expect(plan.notes).toEqual([
      'size: 9 MB would remain over the 5 MB limit; 6 MB is protected and 3 MB is younger than 10 min',
    ]);
  });

  it('plans nothing for an empty folder', () => {
    const plan = planFolder(columnsOf([]), rules({ maxFiles: 1, maxSizeBytes: 1, maxAgeDays: 1 }), NOW_MS);
    expect(plan).toEqual({
      name: 'outputs',
      remove: [],
      bytesToFree: 0,
      overLimitAfter: false,
      notes: [],
      kept: { protected: 0, young: 0 },
      counted: { files: 0, bytes: 0 },
    });
  });

  it('plans nothing for a disabled folder', () => {
    const files = [fileDays('a', 30), fileDays('b', 20)];
    const plan = planFolder(columnsOf(files), rules({ maxFiles: 1, maxAgeDays: 1, enabled: false }), NOW_MS);
    expect(plan.remove).toEqual([]);
    expect(plan.overLimitAfter).toBe(false);
  });

  it('neither counts nor removes excluded files', () => {
    const files = [
      fileDays('logs/a.log', 30),
      fileDays('b.log', 29),
      fileDays('c.wav', 3),
      fileDays('d.wav', 2),
      fileDays('e.wav', 1),
    ];
    const plan = planFolder(
      columnsOf(files),
      rules({ maxFiles: 2, maxAgeDays: 7, exclude: ['*.log'] }),
      NOW_MS,
    );
    expect(planned(plan)).toEqual([['c.wav', 'count']]);
  });

  it('lets excluded bytes not count towards the size limit', () => {
    const files = [file('cache/big', 100, 9 * MB), file('a', 90, MB), file('b', 80, MB)];
    const plan = planFolder(columnsOf(files), rules({ maxSizeBytes: 3 * MB, exclude: ['cache'] }), NOW_MS);
    expect(plan.remove).toEqual([]);
  });

  it('counts protected files towards the count limit but removes newer candidates instead', () => {
    const files = [
      file('p1.keep', 500),
      file('p2.keep', 400),
      file('c1', 300),
      file('c2', 200),
      file('c3', 100),
    ];
    const plan = planFolder(columnsOf(files), rules({ maxFiles: 3, protect: ['*.keep'] }), NOW_MS);
    expect(planned(plan)).toEqual([
      ['c1', 'count'],
      ['c2', 'count'],
    ]);
    expect(plan.kept).toEqual({ protected: 2, young: 0 });
    expect(plan.overLimitAfter).toBe(false);
  });

  it('says so when protected files alone exceed the count limit', () => {
    const files = [file('p1.keep', 500), file('p2.keep', 400), file('c1', 300)];
    const plan = planFolder(columnsOf(files), rules({ maxFiles: 1, protect: ['*.keep'] }), NOW_MS);
    expect(planned(plan)).toEqual([['c1', 'count']]);
    expect(plan.notes).toEqual(['count: 2 files would remain over the 1-file limit; 2 are protected']);
  });

  it('says so when a protected file is older than the age limit', () => {
    const files = [fileDays('keep/a', 9), fileDays('b', 8)];
    const plan = planFolder(columnsOf(files), rules({ maxAgeDays: 7, protect: ['keep/*'] }), NOW_MS);
    expect(planned(plan)).toEqual([['b', 'age']]);
    expect(plan.kept).toEqual({ protected: 1, young: 0 });
    expect(plan.notes).toEqual(['age: 1 file older than 7 days would remain; 1 is protected']);
  });

  it.each([
    { what: 'exactly max_age old stays', ageMs: 7 * MS_PER_DAY, removed: false },
    { what: '1 ms older than max_age goes', ageMs: 7 * MS_PER_DAY + 1, removed: true },
  ])('age boundary: a file $what', ({ ageMs, removed }) => {
    const f = { path: 'f', sizeBytes: 1, mtimeMs: NOW_MS - ageMs, dev: 1, ino: 1 };
    const plan = planFolder(columnsOf([f]), rules({ maxAgeDays: 7 }), NOW_MS);
    expect(plan.remove.length).toBe(removed ? 1 : 0);
  });

  it.each([
    { what: 'exactly min_age old is a candidate', ageMs: 10 * MS_PER_MINUTE, young: false },
    { what: '1 ms younger than min_age is held back', ageMs: 10 * MS_PER_MINUTE - 1, young: true },
    { what: 'dated in the future is held back', ageMs: -MS_PER_MINUTE, young: true },
  ])('grace boundary: a file $what', ({ ageMs, young }) => {
    const f = { path: 'f', sizeBytes: 1, mtimeMs: NOW_MS - ageMs, dev: 1, ino: 1 };
    const plan = planFolder(columnsOf([f, file('g', 1)]), rules({ maxFiles: 1 }), NOW_MS);
    expect(plan.remove.map((r) => r.path)).toEqual(young ? [] : ['f']);
    expect(plan.kept.young).toBe(young ? 2 : 0);
  });

  it.each([
    { what: 'exactly at the limit is left alone', sizes: [4, 3, 3], removed: [] },
    { what: 'over the limit stops exactly at the target', sizes: [3, 4, 4], removed: ['f0'] },
    {
      what: 'over the limit goes below the target when needed',
      sizes: [1, 1, 5, 4],
      removed: ['f0', 'f1', 'f2'],
    },
  ])('size boundary (limit 10 MB, target 80%): a folder $what', ({ sizes, removed }) => {
    const files = sizes.map((mb, i) => file(`f${i}`, 1000 - i, mb * MB));
    const plan = planFolder(columnsOf(files), rules({ maxSizeBytes: 10 * MB }), NOW_MS);
    expect(plan.remove.map((r) => r.path)).toEqual(removed);
  });

  it('with size_target_percent 100 removes only down to the limit', () => {
    const files = [file('a', 300, 2 * MB), file('b', 200, 2 * MB), file('c', 100, 7 * MB)];
    const plan = planFolder(
      columnsOf(files),
      rules({ maxSizeBytes: 10 * MB, sizeTargetPercent: 100 }),
      NOW_MS,
    );
    expect(planned(plan)).toEqual([['a', 'size']]);
  });

  it('handles a fractional GB limit', () => {
    const files = [file('a', 300, 300 * MB), file('b', 200, 300 * MB)];
    const plan = planFolder(columnsOf(files), rules({ maxSizeBytes: gbToBytes(0.5) }), NOW_MS);
    // 600 MB > 512 MB; the target is 409.6 MB, so one 300 MB file goes.
    expect(planned(plan)).toEqual([['a', 'size']]);
    const held = planFolder(
      columnsOf(files),
      rules({ maxSizeBytes: gbToBytes(0.5), protect: ['*'] }),
      NOW_MS,
    );
    expect(held.notes).toEqual(['size: 600 MB would remain over the 512 MB limit; 600 MB is protected']);
  });

  it('copies the identity the executor re-checks into each planned removal', () => {
    const f = { path: 'x/y.wav', sizeBytes: 42, mtimeMs: NOW_MS - 9 * MS_PER_DAY, dev: 7, ino: 99 };
    const plan = planFolder(columnsOf([f]), rules({ maxAgeDays: 7 }), NOW_MS);
    expect(plan.remove).toEqual([{ ...f, reason: 'age' }]);
    expect(plan.bytesToFree).toBe(42);
  });
});
