/**
 * DESIGN.md invariants 2 and 4: each file is examined again just before removal (same regular file,
 * device, inode, size and mtime as planned), and protected or young files are never removed, even when
 * the plan named them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import type { FileEntry } from '../../../shared/types.js';
import { MS_PER_MINUTE } from '../../../shared/units.js';
import {
  exists,
  makeTempDir,
  planned,
  planOf,
  removeTempDirs,
  rulesFor,
  runPlan,
  writeFile,
} from './executor-fixtures.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';

afterEach(removeTempDirs);

const at = (root: string, rel: string) => path.join(root, ...rel.split('/'));
const diskBytesOf = async (root: string, rel: string) => (await fs.lstat(at(root, rel))).blocks * 512;

describe('executePlan removes what is still as planned', () => {
  it('removes old regular files and reports each with its reason, bytes freed and the plan notes', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'a.wav', '1234567890');
    await writeFile(root, 'sub/b.wav', '12345');
    await writeFile(root, 'fresh.wav', 'not planned');
    const items = [await planned(root, 'a.wav', 'age'), await planned(root, 'sub/b.wav', 'size')];
    const diskBytes = (await diskBytesOf(root, 'a.wav')) + (await diskBytesOf(root, 'sub/b.wav'));

    const result = await runPlan(root, items);

    expect(result.removed).toEqual([
      { path: 'a.wav', sizeBytes: 10, reason: 'age' },
      { path: 'sub/b.wav', sizeBytes: 5, reason: 'size' },
    ]);
    expect([result.filesRemoved, result.bytesRemoved, result.bytesFreed]).toEqual([2, 15, diskBytes]);
    expect([result.skipped, result.errors]).toEqual([[], []]);
    expect([result.overLimitAfter, result.notes]).toEqual([true, ['a note from the plan']]);
    expect(await exists(at(root, 'a.wav'))).toBe(false);
    expect(await exists(at(root, 'fresh.wav'))).toBe(true);
  });

  it('carries out a plan made by planFolder from lstat of the folder', async () => {
    const root = await makeTempDir();
    for (let i = 0; i < 6; i++)
      await writeFile(root, `f${i}.png`, 'x'.repeat(100), (10 - i) * 60 * MS_PER_MINUTE);
    const files: FileEntry[] = [];
    for (const name of await fs.readdir(root)) {
      const { path: p, sizeBytes, mtimeMs, dev, ino } = await planned(root, name);
      files.push({ path: p, sizeBytes, mtimeMs, dev, ino });
    }
    const rules = rulesFor(root, { maxAgeDays: null, maxFiles: 2 });
    const plan = planFolder(columnsOf(files), rules, Date.now());

    const result = await executePlan({ root, plan, rules, nowMs: Date.now });

    expect(result.removed.map((r) => [r.path, r.reason])).toEqual(plan.remove.map((r) => [r.path, 'count']));
    expect((await fs.readdir(root)).sort()).toEqual(['f4.png', 'f5.png']);
  });
});

describe('executePlan skips a file that changed after planning', () => {
  it('skips a file replaced by another (new inode, same name, size and mtime)', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'a.txt', 'same');
    const item = await planned(root, 'a.txt');
    await fs.rename(at(root, 'a.txt'), at(root, 'keep-inode-busy.txt'));
    await fs.writeFile(at(root, 'a.txt'), 'same');
    await fs.utimes(at(root, 'a.txt'), new Date(item.mtimeMs), new Date(item.mtimeMs));

    const result = await runPlan(root, [item]);

    expect(result.skipped).toEqual([
      { path: 'a.txt', why: 'changed', detail: 'replaced by another file after planning' },
    ]);
    expect(await exists(at(root, 'a.txt'))).toBe(true);
  });

  it('skips a file that grew, saying by how much', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'a.txt', '1234567890');
    const item = await planned(root, 'a.txt');
    await fs.appendFile(at(root, 'a.txt'), '!!');
    await fs.utimes(at(root, 'a.txt'), new Date(item.mtimeMs), new Date(item.mtimeMs));

    const result = await runPlan(root, [item]);

    expect(result.skipped).toEqual([
      { path: 'a.txt', why: 'changed', detail: 'size changed from 10 B to 12 B after planning' },
    ]);
    expect(await fs.readFile(at(root, 'a.txt'), 'utf8')).toBe('1234567890!!');
  });

  it('skips a file whose mtime was touched', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'a.txt', 'x');
    const item = await planned(root, 'a.txt');
    const touched = new Date(item.mtimeMs + 120 * MS_PER_MINUTE);
    await fs.utimes(at(root, 'a.txt'), touched, touched);

    const result = await runPlan(root, [item]);

    expect(result.skipped.map((s) => [s.why, s.detail])).toEqual([
      ['changed', 'modified after planning (mtime 2 h later)'],
    ]);
    expect(await exists(at(root, 'a.txt'))).toBe(true);
  });

  it('records a vanished file as gone and a file replaced by a folder as not a regular file', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'gone.txt', 'x');
    await writeFile(root, 'dir.txt', 'x');
    const items = [await planned(root, 'gone.txt'), await planned(root, 'dir.txt')];
    await fs.rm(at(root, 'gone.txt'));
    await fs.rm(at(root, 'dir.txt'));
    await fs.mkdir(at(root, 'dir.txt'));

    const result = await runPlan(root, items);

    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([
      ['gone.txt', 'gone'],
      ['dir.txt', 'not-a-regular-file'],
    ]);
    expect(result.errors).toEqual([]);
  });
});

describe('executePlan re-checks protection and the grace period at execution time', () => {
  it('never removes a file matching protect, even if the plan named it', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'keep/a.wav', 'a');
    await writeFile(root, 'x/b.keep', 'b');
    await writeFile(root, 'c.wav', 'c');
    const items = [
      await planned(root, 'keep/a.wav'),
      await planned(root, 'x/b.keep'),
      await planned(root, 'c.wav'),
    ];

    const result = await runPlan(root, items, { protect: ['keep/', '*.keep'] });

    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([
      ['keep/a.wav', 'protected'],
      ['x/b.keep', 'protected'],
    ]);
    expect(result.removed.map((r) => r.path)).toEqual(['c.wav']);
    expect(await exists(at(root, 'keep/a.wav'))).toBe(true);
    expect(await exists(at(root, 'x/b.keep'))).toBe(true);
  });

  it('never removes a file modified within the grace period', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'young.wav', 'y', 3 * MS_PER_MINUTE);

    const result = await runPlan(root, [await planned(root, 'young.wav')], { minAgeMinutes: 10 });

    expect(result.skipped.map((s) => [s.why, s.detail])).toEqual([
      ['too-young', 'modified 3 min ago, within the 10 min grace period'],
    ]);
    expect(await exists(at(root, 'young.wav'))).toBe(true);
  });

  it('treats a file exactly at the grace period as old enough, one millisecond less as young (fake clock)', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'a.wav', 'a');
    const item = await planned(root, 'a.wav');
    const graceEnd = item.mtimeMs + 10 * MS_PER_MINUTE;

    const early = await runPlan(root, [item], {}, () => graceEnd - 1);
    const onTime = await runPlan(root, [item], {}, () => graceEnd);

    expect(early.skipped.map((s) => s.why)).toEqual(['too-young']);
    expect(onTime.removed.map((r) => r.path)).toEqual(['a.wav']);
  });
});

describe('executePlan in a dry run', () => {
  it('checks everything and removes nothing, reporting what would go', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'sub/a.wav', '12345');
    await writeFile(root, 'keep.wav', 'k');
    const items = [await planned(root, 'sub/a.wav'), await planned(root, 'keep.wav')];
    const plan = planOf(items);
    const diskBytes = await diskBytesOf(root, 'sub/a.wav');

    const result = await executePlan({
      root,
      plan,
      rules: rulesFor(root, { protect: ['keep.wav'] }),
      nowMs: Date.now,
      dryRun: true,
    });

    expect(result.removed.map((r) => r.path)).toEqual(['sub/a.wav']);
    expect([result.filesRemoved, result.bytesRemoved, result.bytesFreed]).toEqual([1, 5, diskBytes]);
    expect(result.removedDirs).toEqual(['sub']);
    expect(result.skipped.map((s) => s.why)).toEqual(['protected']);
    expect(await exists(at(root, 'sub/a.wav'))).toBe(true);
    expect(await exists(at(root, 'sub'))).toBe(true);
  });
});
