/**
 * A root that can no longer be trusted removes nothing; after a run, only the subfolders it emptied are
 * removed, deepest first, never the root and never through a link.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import { dirFsWith } from '../../support/dir-fs-port.js';
import {
  exists,
  listTree,
  makeTempDir,
  planned,
  planOf,
  removeTempDirs,
  rulesFor,
  runPlan,
  writeFile,
} from './executor-fixtures.js';

afterEach(removeTempDirs);

describe('executePlan refuses a root it cannot trust', () => {
  it('skips every file as gone when the root is missing', async () => {
    const parent = await makeTempDir();
    const root = path.join(parent, 'outputs');
    await writeFile(root, 'a.txt', 'a');
    const items = [await planned(root, 'a.txt')];
    await fs.rm(root, { recursive: true });

    const result = await runPlan(root, items);

    expect(result.skipped).toEqual([
      { path: 'a.txt', why: 'gone', detail: `the folder root ${root} no longer exists; nothing was removed` },
    ]);
  });

  it('removes nothing when the root itself was replaced by a link (to a folder holding the same files)', async () => {
    const [parent, elsewhere] = [await makeTempDir(), await makeTempDir()];
    const root = path.join(parent, 'outputs');
    await writeFile(root, 'a.txt', 'a');
    await writeFile(root, 'sub/b.txt', 'b');
    const items = [await planned(root, 'a.txt'), await planned(root, 'sub/b.txt')];
    await fs.rename(root, path.join(elsewhere, 'moved'));
    await fs.symlink(path.join(elsewhere, 'moved'), root);

    const result = await runPlan(root, items);

    expect(result.removed).toEqual([]);
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([
      ['a.txt', 'outside-root'],
      ['sub/b.txt', 'outside-root'],
    ]);
    expect(result.skipped[0]?.detail).toMatch(/is now a symbolic link; nothing was removed/);
    expect(await listTree(path.join(elsewhere, 'moved'))).toEqual(['a.txt', 'sub', 'sub/b.txt']);
  });

  it('removes nothing when the root is now a file', async () => {
    const parent = await makeTempDir();
    const root = path.join(parent, 'outputs');
    await writeFile(root, 'a.txt', 'a');
    const items = [await planned(root, 'a.txt')];
    await fs.rm(root, { recursive: true });
    await fs.writeFile(root, 'a file now');

    const result = await runPlan(root, items);

    expect(result.skipped.map((s) => s.why)).toEqual(['changed']);
    expect(await fs.readFile(root, 'utf8')).toBe('a file now');
  });

  it('accepts a root whose parent folder is a link, walking from the resolved root', async () => {
    const [real, links] = [await makeTempDir(), await makeTempDir()];
    await writeFile(real, 'outputs/a.txt', 'a');
    await fs.symlink(real, path.join(links, 'project'));
    const root = path.join(links, 'project', 'outputs');

    const result = await runPlan(root, [await planned(root, 'a.txt')]);

    expect(result.removed.map((r) => r.path)).toEqual(['a.txt']);
    expect(await exists(path.join(real, 'outputs', 'a.txt'))).toBe(false);
  });
});

describe('executePlan removes the subfolders it emptied', () => {
  it('removes emptied folders deepest first and keeps the root and folders still holding files', async () => {
    const root = await makeTempDir();
    await writeFile(root, 'a/b/c/old.txt', 'x');
    await writeFile(root, 'a/b/other-old.txt', 'x');
    await writeFile(root, 'keep/old.txt', 'x');
    await writeFile(root, 'keep/new.txt', 'x');
    await writeFile(root, 'top.txt', 'x');
    await fs.mkdir(path.join(root, 'was-empty'));
    await fs.mkdir(path.join(root, 'holds-empty/inner'), { recursive: true });
    await writeFile(root, 'holds-empty/old.txt', 'x');
    const rels = ['a/b/c/old.txt', 'a/b/other-old.txt', 'keep/old.txt', 'top.txt', 'holds-empty/old.txt'];
    const items = await Promise.all(rels.map((r) => planned(root, r)));

    const result = await runPlan(root, items);

    expect(result.removedDirs).toEqual(['a/b/c', 'a/b', 'a']);
    expect(await listTree(root)).toEqual([
      'holds-empty',
      'holds-empty/inner',
      'keep',
      'keep/new.txt',
      'was-empty',
    ]);
  });

  it('does not remove a folder swapped for a link after its file was removed (fs port swaps it)', async () => {
    const [root, outside] = [await makeTempDir(), await makeTempDir()];
    await fs.mkdir(path.join(outside, 'empty'));
    await writeFile(root, 'sub/old.txt', 'x');
    const item = await planned(root, 'sub/old.txt');
    // A real unlink, then the race this guards against: the emptied folder becomes a link to an outside one.
    const dirFs = dirFsWith({
      unlink: (real, dir, name) => {
        real.unlink(dir, name);
        fsSync.rmdirSync(path.join(root, 'sub'));
        fsSync.symlinkSync(path.join(outside, 'empty'), path.join(root, 'sub'));
      },
    });

    const result = await executePlan({
      root,
      plan: planOf([item]),
      rules: rulesFor(root),
      nowMs: Date.now,
      dirFs,
    });

    expect(result.removed.map((r) => r.path)).toEqual(['sub/old.txt']);
    expect(result.removedDirs).toEqual([]);
    expect(await exists(path.join(outside, 'empty'))).toBe(true);
    expect((await fs.lstat(path.join(root, 'sub'))).isSymbolicLink()).toBe(true);
  });
});
