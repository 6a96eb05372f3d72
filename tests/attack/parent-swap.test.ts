/**
 * Issue 10, findings 1 and 2: while a cleanup runs, another process swaps a folder inside the root with a
 * link to an outside folder holding files and folders of the same names (renameat2 RENAME_EXCHANGE in a
 * tight loop). Nothing outside the root may be removed or moved to the trash: no file, no emptied folder.
 * Against the real executor, its delete worker and the removal addon, and a real kernel.
 * HEADROOM_ATTACK_RUNS sets the number of runs of each case (default ATTACK_RUNS_IN_SUITE; `npm run test:attack` runs 20).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  attackOnce,
  buildSwapper,
  countFilesSaying,
  makeAttackTree,
  tempBase,
  type CleanupAction,
  ATTACK_RUNS_IN_SUITE,
} from './support/swap-attack.js';

const RUNS = Number(process.env.HEADROOM_ATTACK_RUNS ?? ATTACK_RUNS_IN_SUITE);
const DIRS = 200;
const FILES_PER_DIR = 100;
const NOBODY = { uid: 65534, gid: 65534 };
const bases: string[] = [];
// Each base holds what its runs left (tens of thousands of files): removing them takes as long on a busy
// machine as making them, so the hook gets the time a run gets.
afterAll(() => bases.forEach((b) => fs.rmSync(b, { recursive: true, force: true })), 300_000);

async function attackRuns(action: CleanupAction, asUser?: typeof NOBODY) {
  const shared = tempBase();
  bases.push(shared);
  fs.chmodSync(shared, 0o755); // the attacker as nobody must reach the root
  const outside = path.join(shared, 'outside');
  const swapper = buildSwapper(shared);
  const totals = {
    outsideFiles: 0,
    outsideDirs: 0,
    swaps: 0,
    removed: 0,
    recordedButThere: 0,
    trashedOutside: 0,
  };
  for (let run = 0; run < RUNS; run++) {
    const base = fs.mkdtempSync(path.join(shared, 'run-'));
    fs.chmodSync(base, 0o755);
    const xdg = path.join(base, 'xdg');
    const saved = process.env.XDG_DATA_HOME;
    process.env.XDG_DATA_HOME = xdg;
    try {
      const tree = makeAttackTree(base, DIRS, FILES_PER_DIR, outside);
      const outcome = await attackOnce(tree, swapper, action, asUser);
      totals.outsideFiles += outcome.outsideFilesRemoved;
      totals.outsideDirs += outcome.outsideDirsRemoved;
      totals.swaps += outcome.swaps;
      totals.removed += outcome.result.filesRemoved;
      // Every file the record calls removed is gone from inside the root.
      totals.recordedButThere += outcome.insideFilesLeft - (tree.files.length - outcome.result.filesRemoved);
      totals.trashedOutside += countFilesSaying(path.join(xdg, 'Trash'), 'outside');
    } finally {
      if (saved === undefined) delete process.env.XDG_DATA_HOME;
      else process.env.XDG_DATA_HOME = saved;
      fs.rmSync(base, { recursive: true, force: true });
    }
  }
  const who = asUser ? ' by nobody' : '';
  console.log(`${action}${who}: ${RUNS} runs, ${totals.swaps} swaps, ${totals.removed} files removed inside`);
  return totals;
}

describe.runIf(process.platform === 'linux')(
  'a folder swapped for a link during a cleanup (renameat2 loop)',
  () => {
    const clean = { outsideFiles: 0, outsideDirs: 0, recordedButThere: 0, trashedOutside: 0 };
    const shape = (t: Awaited<ReturnType<typeof attackRuns>>) => ({
      outsideFiles: t.outsideFiles,
      outsideDirs: t.outsideDirs,
      recordedButThere: t.recordedButThere,
      trashedOutside: t.trashedOutside,
    });

    it(`delete: nothing removed outside the root in ${RUNS} runs of ${DIRS * FILES_PER_DIR} files`, async () => {
      const totals = await attackRuns('delete');
      expect(totals.swaps).toBeGreaterThan(RUNS * 100);
      expect(totals.removed).toBeGreaterThan(0);
      expect(shape(totals)).toEqual(clean);
    }, 1_800_000);

    it(`trash: nothing outside the root moved to the trash in ${RUNS} runs`, async () => {
      const totals = await attackRuns('trash');
      expect(totals.swaps).toBeGreaterThan(RUNS * 100);
      expect(totals.removed).toBeGreaterThan(0);
      expect(shape(totals)).toEqual(clean);
    }, 1_800_000);

    it.runIf(process.getuid?.() === 0)(
      `delete run as root, the attacker as nobody: nothing outside removed in ${RUNS} runs`,
      async () => {
        const totals = await attackRuns('delete', NOBODY);
        expect(totals.swaps).toBeGreaterThan(RUNS * 100);
        expect(shape(totals)).toEqual(clean);
      },
      1_800_000,
    );
  },
);
