/**
 * Permission errors are real only for an unprivileged user: the executor runs here as `nobody` through
 * setpriv, so EACCES actually happens. One file's error must not stop the run.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runExecutorChild } from './child-process.js';
import {
  exists,
  makeTempDir,
  planned,
  planOf,
  removeTempDirs,
  rulesFor,
  writeFile,
} from './executor-fixtures.js';

afterEach(removeTempDirs);

const NOBODY = 65534;

describe('executePlan as an unprivileged user (setpriv)', () => {
  it('records EACCES for a file it may not delete and a folder it may not enter, and goes on', async () => {
    const base = await makeTempDir();
    await fs.chmod(base, 0o755);
    const root = path.join(base, 'outputs');
    await writeFile(root, 'locked/old.txt', 'l');
    await writeFile(root, 'unreadable/old.txt', 'u');
    await writeFile(root, 'ok/old.txt', 'o');
    await writeFile(root, 'top.txt', 't');
    const rels = ['locked/old.txt', 'unreadable/old.txt', 'ok/old.txt', 'top.txt'];
    const items = await Promise.all(rels.map((r) => planned(root, r)));
    await fs.chmod(root, 0o777);
    await fs.chmod(path.join(root, 'ok'), 0o777);
    await fs.chmod(path.join(root, 'locked'), 0o755); // nobody may not unlink inside
    await fs.chmod(path.join(root, 'unreadable'), 0o000); // nobody may not even lstat inside

    const result = runExecutorChild({ root, plan: planOf(items), rules: rulesFor(root), asUid: NOBODY });

    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['locked/old.txt', 'EACCES'],
      ['unreadable/old.txt', 'EACCES'],
    ]);
    expect(result.removed.map((r) => r.path)).toEqual(['ok/old.txt', 'top.txt']);
    expect(result.removedDirs).toEqual(['ok']);
    expect(await exists(path.join(root, 'locked/old.txt'))).toBe(true);
    expect(await exists(path.join(root, 'unreadable/old.txt'))).toBe(true);
  });

  it('removes nothing and records every file when the root itself cannot be read', async () => {
    const base = await makeTempDir();
    await fs.chmod(base, 0o700); // owned by root: nobody cannot reach the root at all
    const root = path.join(base, 'outputs');
    await writeFile(root, 'a.txt', 'a');
    const items = [await planned(root, 'a.txt')];

    const result = runExecutorChild({ root, plan: planOf(items), rules: rulesFor(root), asUid: NOBODY });

    expect(result.errors.map((e) => [e.path, e.code])).toEqual([['a.txt', 'EACCES']]);
    expect(result.removed).toEqual([]);
    expect(await exists(path.join(root, 'a.txt'))).toBe(true);
  });
});
