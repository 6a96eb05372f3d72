/**
 * Regression found by the race fuzzer: the executor examined a file, then re-read the folders above it,
 * then unlinked it by path, so a file swapped while those folders were re-read was removed unseen. The
 * removal core now opens those folders and looks at the file once, right before its unlink in the same
 * open folder: a file swapped while the folders are opened is caught. The swap is made through the core's
 * `DirFs` port (a real file-system change, fired at an exact call), on real temp folders.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../electron/engine/executor/execute-plan.js';
import type { DirFs } from '../../electron/engine/removal/dir-fs.js';
import { dirFsWith } from '../support/dir-fs-port.js';
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

/** The real port, except that `swap` runs once, right after the folder holding the file is opened. */
function swapWhenFolderOpened(folderName: string, swap: () => void): DirFs {
  let done = false;
  return dirFsWith({
    openChild(real, parent, name) {
      const dir = real.openChild(parent, name);
      if (name === folderName && !done) {
        done = true;
        swap();
      }
      return dir;
    },
  });
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
  it('keeps a file replaced by another of the same size and mtime while the folders above were opened (fs port swaps it)', async () => {
    const { root, file, mtimeMs, item } = await setUp();
    const dirFs = swapWhenFolderOpened('b', () => {
      fsSync.writeFileSync(`${file}.new`, 'newer!!!');
      fsSync.utimesSync(`${file}.new`, mtimeMs / 1000, mtimeMs / 1000);
      fsSync.renameSync(`${file}.new`, file);
    });

    const result = await executePlan({ root, plan: plan(item), rules: rules(root), nowMs: Date.now, dirFs });

    expect(result.removed).toEqual([]);
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([['a/b/old.wav', 'changed']]);
    expect(await fs.readFile(file, 'utf8')).toBe('newer!!!');
  });

  it('keeps a link that took the file’s place while the folders above were opened (fs port swaps it)', async () => {
    const { root, file, item } = await setUp();
    const outside = path.join(dir, 'outside.wav');
    await fs.writeFile(outside, 'precious');
    const dirFs = swapWhenFolderOpened('b', () => {
      fsSync.rmSync(file);
      fsSync.symlinkSync(outside, file);
    });

    const result = await executePlan({ root, plan: plan(item), rules: rules(root), nowMs: Date.now, dirFs });

    expect(result.skipped.map((s) => s.why)).toEqual(['not-a-regular-file']);
    expect((await fs.lstat(file)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(outside, 'utf8')).toBe('precious');
  });
});
