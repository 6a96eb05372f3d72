/**
 * DESIGN.md invariant 1: nothing outside the root is removed. Plans here are hostile on purpose: they
 * name paths through links, with `..`, and across a mount point, carrying the real identity of the
 * outside file, so only the executor's own walk stands between the plan and the outside folder.
 */
import { execFileSync } from 'node:child_process';
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

describe('executePlan never leaves the root', () => {
  it('does not follow a link to an outside folder full of old files, nor remove the link', async () => {
    const [root, outside] = [await makeTempDir(), await makeTempDir()];
    await writeFile(outside, 'a.txt', 'outside a');
    await writeFile(outside, 'deep/b.txt', 'outside b');
    const before = await listTree(outside);
    await fs.symlink(outside, path.join(root, 'link'));
    // The planned identity is the outside file's own (lstat through the link): it would match.
    const items = [
      await planned(root, 'link/a.txt'),
      await planned(root, 'link/deep/b.txt'),
      await planned(root, 'link'),
    ];

    const result = await runPlan(root, items);

    expect(result.removed).toEqual([]);
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([
      ['link/a.txt', 'outside-root'],
      ['link/deep/b.txt', 'outside-root'],
      ['link', 'not-a-regular-file'],
    ]);
    expect(result.skipped[0]?.detail).toMatch(/link is now a symbolic link/);
    expect(await listTree(outside)).toEqual(before);
    expect((await fs.lstat(path.join(root, 'link'))).isSymbolicLink()).toBe(true);
  });

  it('does not remove a link to an outside file, nor its target', async () => {
    const [root, outside] = [await makeTempDir(), await makeTempDir()];
    const secret = await writeFile(outside, 'secret.txt', 'keep me');
    await fs.symlink(secret, path.join(root, 'file-link'));
    const asLink = await planned(root, 'file-link');
    const st = await fs.stat(path.join(root, 'file-link'));
    const asTarget = { ...asLink, sizeBytes: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino };

    const result = await runPlan(root, [asLink, asTarget]);

    expect(result.skipped.map((s) => s.why)).toEqual(['not-a-regular-file', 'not-a-regular-file']);
    expect(await fs.readFile(secret, 'utf8')).toBe('keep me');
    expect(await exists(path.join(root, 'file-link'))).toBe(true);
  });

  it('refuses a planned file whose folder was replaced by a link after planning', async () => {
    const [root, outside] = [await makeTempDir(), await makeTempDir()];
    await writeFile(root, 'sub/old.txt', 'old');
    const item = await planned(root, 'sub/old.txt');
    // A hard link outside keeps the very same device, inode, size and mtime as planned.
    await fs.link(path.join(root, 'sub/old.txt'), path.join(outside, 'old.txt'));
    await fs.rm(path.join(root, 'sub'), { recursive: true });
    await fs.symlink(outside, path.join(root, 'sub'));

    const result = await runPlan(root, [item]);

    expect(result.skipped).toEqual([
      { path: 'sub/old.txt', why: 'outside-root', detail: 'folder sub is now a symbolic link' },
    ]);
    expect(await fs.readFile(path.join(outside, 'old.txt'), 'utf8')).toBe('old');
    expect(result.removedDirs).toEqual([]);
  });

  it('catches a folder swapped for a link between the check and the removal (fs port swaps it)', async () => {
    const [root, outside, aside] = [await makeTempDir(), await makeTempDir(), await makeTempDir()];
    await writeFile(root, 'sub/old.txt', 'old');
    const item = await planned(root, 'sub/old.txt');
    await fs.link(path.join(root, 'sub/old.txt'), path.join(outside, 'old.txt'));
    let swapped = false;
    // Real stat; right after the file itself is examined, the race: its folder becomes a link outside.
    // The removal goes through the folder's open handle, so it removes the planned file where it now is
    // (moved aside, still the planned file) and never the outside file of the same name.
    const dirFs = dirFsWith({
      stat: (real, dir, name) => {
        const st = real.stat(dir, name);
        if (name === 'old.txt' && !swapped) {
          swapped = true;
          fsSync.renameSync(path.join(root, 'sub'), path.join(aside, 'sub'));
          fsSync.symlinkSync(outside, path.join(root, 'sub'));
        }
        return st;
      },
    });

    const result = await executePlan({
      root,
      plan: planOf([item]),
      rules: rulesFor(root),
      nowMs: Date.now,
      dirFs,
    });

    expect(swapped).toBe(true);
    expect(await fs.readFile(path.join(outside, 'old.txt'), 'utf8')).toBe('old');
    expect((await fs.stat(path.join(outside, 'old.txt'))).nlink).toBe(1);
    expect(result.removed.map((r) => r.path)).toEqual(['sub/old.txt']);
    expect(await exists(path.join(aside, 'sub', 'old.txt'))).toBe(false);
  });

  it('refuses "..", absolute paths, empty components and NUL before touching the disk', async () => {
    const [root, outside] = [await makeTempDir(), await makeTempDir()];
    const victim = await writeFile(outside, 'victim.txt', 'v');
    const real = await planned(outside, 'victim.txt');
    const hostile = [
      `../${path.basename(outside)}/victim.txt`,
      `sub/../../${path.basename(outside)}/victim.txt`,
      victim,
      `a//victim.txt`,
      `./victim.txt`,
      `victim.txt\0`,
      '',
    ];

    const result = await runPlan(
      root,
      hostile.map((p) => ({ ...real, path: p })),
    );

    expect(result.skipped.map((s) => s.why)).toEqual(hostile.map(() => 'outside-root'));
    expect(result.removed).toEqual([]);
    expect(await exists(victim)).toBe(true);
  });

  it('does not cross a mount point below the root (a real tmpfs; skipped where mounting is not allowed)', async (ctx) => {
    const root = await makeTempDir();
    const mnt = path.join(root, 'mnt');
    await fs.mkdir(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', 'none', mnt], { stdio: 'ignore' });
    } catch {
      ctx.skip();
    }
    try {
      await writeFile(mnt, 'inner/old.txt', 'on another volume');
      const item = await planned(root, 'mnt/inner/old.txt');

      const result = await runPlan(root, [item]);

      expect(result.skipped.map((s) => [s.why, s.detail])).toEqual([
        ['outside-root', 'folder mnt is a mount point of another device'],
      ]);
      expect(await exists(path.join(mnt, 'inner/old.txt'))).toBe(true);
    } finally {
      execFileSync('umount', [mnt]);
    }
  });
});
