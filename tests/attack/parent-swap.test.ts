/**
 * Issue 10, finding 1: while a cleanup runs, another process swaps a folder inside the root with a link
 * to an outside folder holding files of the same names. Nothing outside the root may be removed: no file,
 * no emptied folder. Runs against the real executor and its delete worker, and a real kernel's renameat2.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { attackOnce, buildSwapper, makeAttackTree, tempBase } from './support/swap-attack.js';

const RUNS = Number(process.env.HEADROOM_ATTACK_RUNS ?? 20);
const DIRS = 200;
const FILES_PER_DIR = 100;
const bases: string[] = [];
afterAll(() => bases.forEach((b) => fs.rmSync(b, { recursive: true, force: true })));

describe.runIf(process.platform === 'linux')('parent swap during a cleanup (renameat2 loop)', () => {
  const swapper = buildSwapper(tempBase('headroom-swapper-'));

  it(`removes nothing outside the root across ${RUNS} runs of ${DIRS * FILES_PER_DIR} files`, async () => {
    const totals = { outsideFiles: 0, outsideDirs: 0, swaps: 0, removed: 0 };
    for (let run = 0; run < RUNS; run++) {
      const base = tempBase();
      bases.push(base);
      const tree = makeAttackTree(base, DIRS, FILES_PER_DIR);
      const outcome = await attackOnce(tree, swapper, 'delete');
      totals.outsideFiles += outcome.outsideFilesRemoved;
      totals.outsideDirs += outcome.outsideDirsRemoved;
      totals.swaps += outcome.swaps;
      totals.removed += outcome.result.filesRemoved;
      // Every file the record calls removed is gone from inside the root.
      expect(outcome.insideFilesLeft).toBe(tree.files.length - outcome.result.filesRemoved);
      fs.rmSync(base, { recursive: true, force: true });
    }
    console.log(`parent swap: ${RUNS} runs, ${totals.swaps} swaps, ${totals.removed} files removed inside`);
    expect(totals.swaps).toBeGreaterThan(RUNS * 100);
    expect({ outsideFiles: totals.outsideFiles, outsideDirs: totals.outsideDirs }).toEqual({
      outsideFiles: 0,
      outsideDirs: 0,
    });
  }, 600_000);
});
