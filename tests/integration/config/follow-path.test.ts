/**
 * followPath tells a missing path from an existing one, so the root-refusal checks can skip a stat that
 * would fail (#17), and asks the real path of a missing path's parent of its caller (shared lookups).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followPath, realPathOf } from '../../../electron/engine/config/real-path.js';
import { makeTempDir } from '../../support/make-tree.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-follow-'));
  dir = await fs.realpath(dir);
  await fs.mkdir(path.join(dir, 'real'));
  await fs.symlink(path.join(dir, 'real'), path.join(dir, 'link'));
});
afterEach(async () => cleanup());

describe('followPath', () => {
  it('an existing folder behind a link: its real path, not missing', async () => {
    expect(await followPath(path.join(dir, 'link'), realPathOf)).toEqual({
      path: path.join(dir, 'real'),
      missing: false,
    });
  });

  it('a missing folder behind a link: where it would be created, missing, its parent asked of the caller', async () => {
    const asked: string[] = [];
    const parent = (p: string) => (asked.push(p), realPathOf(p));
    expect(await followPath(path.join(dir, 'link', 'a', 'b'), parent)).toEqual({
      path: path.join(dir, 'real', 'a', 'b'),
      missing: true,
    });
    expect(asked).toEqual([path.join(dir, 'link', 'a')]);
  });

  it('a dangling link and a path through a file are missing: a stat of either fails', async () => {
    await fs.symlink(path.join(dir, 'gone'), path.join(dir, 'dangling'));
    await fs.writeFile(path.join(dir, 'file'), 'x');
    for (const p of [path.join(dir, 'dangling'), path.join(dir, 'file', 'below')]) {
      expect((await followPath(p, realPathOf)).missing).toBe(true);
      await expect(fs.stat(p)).rejects.toThrow();
    }
  });
});
