/**
 * Regression found by the race fuzzer: the executor examined a file, then re-read the folders above it,
 * then unlinked it by path, so a file swapped while those folders were re-read was removed unseen. The
 * file must be examined again right before its unlink. The swap is made through the executor's `FsOps`
 * port (a real file-system change, fired at an exact call), on real temp folders.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../electron/engine/executor/execute-plan.js';
import { nodeFsOps, type FsOps } from '../../electron/engine/executor/fs-ops.js';
import type { FolderRules, PlannedRemoval } from '../../shared/types.js';
import { MS_PER_DAY } from '../../shared/units.js';
import { folderRules } from '../support/folder-rules.js';

let dir = '';
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const rules = (root: string): FolderRules => folderRules({ path: root, maxAgeDays: 1 });

/** Writes `abs` with `text` and an mtime `ageMs` ago (whole milliseconds, so a copy can match it). */
async function writeAged(abs: string, text: string, mtimeMs: number) {
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, text);
  await fs.utimes(abs, mtimeMs / 1000, mtimeMs / 1000);
}

/** `nodeFsOps`, except that `swap` runs once, right after the first `lstat` of `target` returns. */
function swapAfterFirstLook(target: string, swap: () => Promise<void>): FsOps {
  let looked = false;
  return {
    ...nodeFsOps,
    async lstat(p) {
      const st = await nodeFsOps.lstat(p);
      if (p === target && !looked) {
        looked = true;
        await swap();
      }
      return st;
    },
  };
}

async function setUp() {
  dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-recheck-')));
  const root = path.join(dir, 'root');
  const file = path.join(root, 'a', 'b', 'old.wav');
  const mtimeMs = Math.round(Date.now() - 5 * MS_PER_DAY);
  await writeAged(file, 'planned!', mtimeMs);
  const st = await fs.lstat(file);
  const item: PlannedRemoval = {
    path: 'a/b/old.wav',
    sizeBytes: st.size,
    mtimeMs: st.mtimeMs,
    dev: st.dev,
    ino: st.ino,
    reason: 'age',
  };
  return { root, file, mtimeMs, item };
}

const plan = (item: PlannedRemoval) => ({
  name: 'outputs',
  remove: [item],
  bytesToFree: item.sizeBytes,
  overLimitAfter: false,
  notes: [],
  kept: { protected: 0, young: 0 },
});

describe('executePlan examines a file again right before its unlink (race fuzzer regression)', () => {
  it('keeps a file replaced by another of the same size and mtime while the folders above were re-read', async () => {
    const { root, file, mtimeMs, item } = await setUp();
    const fsOps = swapAfterFirstLook(file, async () => {
      await writeAged(`${file}.new`, 'newer!!!', mtimeMs);
      await fs.rename(`${file}.new`, file);
    });

    const result = await executePlan({ root, plan: plan(item), rules: rules(root), nowMs: Date.now, fsOps });

    expect(result.removed).toEqual([]);
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([['a/b/old.wav', 'changed']]);
    expect(await fs.readFile(file, 'utf8')).toBe('newer!!!');
  });

  it('keeps a link that took the file’s place while the folders above were re-read', async () => {
    const { root, file, item } = await setUp();
    const outside = path.join(dir, 'outside.wav');
    await fs.writeFile(outside, 'precious');
    const fsOps = swapAfterFirstLook(file, async () => {
      await fs.rm(file);
      await fs.symlink(outside, file);
    });

    const result = await executePlan({ root, plan: plan(item), rules: rules(root), nowMs: Date.now, fsOps });

    expect(result.skipped.map((s) => s.why)).toEqual(['not-a-regular-file']);
    expect((await fs.lstat(file)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(outside, 'utf8')).toBe('precious');
  });
});
