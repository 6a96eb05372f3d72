/**
 * A burst stays coalesced and ends exact (issue 17 item 2): 10,000 files written at once reach the snapshot
 * stream as at most one snapshot per interval of the runtime's clock, plus the leading one, and the last
 * snapshot holds every file. The clock is a fake at the runtime's port, moved by the test in steps, so the
 * bound is counted in the throttle's own time and nothing is asserted about how fast the machine is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { SNAPSHOT_INTERVAL_MS } from '../../../electron/engine/runtime/live-runtime.js';
import type { Snapshot } from '../../../shared/types.js';
import { manualClock } from '../../support/manual-clock.js';
import { makeTempDir } from '../../support/make-tree.js';
import { startEngine } from '../../support/start-engine.js';

let dir: string;
let cleanup: () => Promise<void>;
let engine: Engine | null = null;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-burst-')));
afterEach(async () => {
  await engine?.dispose();
  engine = null;
  await cleanup();
});

const BURST = 10_000;

describe('a 10,000-file burst (real watcher, fake clock at the runtime port)', () => {
  it('ends exact, with no more snapshots than the throttle allows for the fake time that passed', async () => {
    const clock = manualClock(Date.now());
    await mkdir(join(dir, 'outputs', 'burst'), { recursive: true });
    const snapshots: Snapshot[] = [];
    ({ engine } = await startEngine(
      dir,
      'cleanup_on_startup: false\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 1000000\n',
      { clock, subscribe: (on) => on('snapshot', (s) => void snapshots.push(s)) },
    ));
    const files = () => snapshots.at(-1)?.folders[0];
    await expect
      .poll(() => (clock.advance(SNAPSHOT_INTERVAL_MS), files()?.scanning), { timeout: 20_000 })
      .toBeNull();
    clock.advance(10 * SNAPSHOT_INTERVAL_MS); // a quiet spell: every interval the start-up opened has passed

    const before = snapshots.length;
    const startedMs = clock.now();
    let writing = true;
    // The fake clock moves in steps while the files are written and until the totals are exact.
    const ticking = (async () => {
      while (writing || files()?.fileCount !== BURST) {
        clock.advance(50);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    for (let i = 0; i < BURST; i++) await writeFile(join(dir, 'outputs', 'burst', `f${i}.wav`), 'x');
    writing = false;
    await Promise.race([
      ticking,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the totals never became exact')), 60_000),
      ),
    ]);
    expect(files()?.fileCount).toBe(BURST);
    const sent = snapshots.length - before;
    const intervals = Math.floor((clock.now() - startedMs) / SNAPSHOT_INTERVAL_MS);
    // The leading snapshot, then at most one per interval (and the one a rescan's own end may add).
    expect(sent).toBeLessThanOrEqual(intervals + 2);
    expect(sent).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
