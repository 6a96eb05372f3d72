/**
 * A gauge that moves at once (issue 17, deliverable 2): the first change after a quiet spell reaches the
 * snapshot stream as soon as the watcher has settled it, not after a snapshot interval added on top; later
 * changes in a burst are coalesced to one snapshot per interval. The clock is a fake at the port, moved
 * once past the start-up's own snapshots and then held, so a snapshot that waits for an interval never
 * comes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/types.js';
import { manualClock } from '../../support/manual-clock.js';
import { makeTempDir, writeFiles } from '../../support/make-tree.js';
import { startEngine } from '../../support/start-engine.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-snapshot-latency-')));
afterEach(() => cleanup());

describe('snapshot stream (real watcher, manual clock held after start-up)', () => {
  it('sends the first change at once: the new totals arrive without any interval timer firing', async () => {
    const clock = manualClock(Date.now());
    await writeFiles(join(dir, 'outputs'), [{ path: 'a.wav', sizeBytes: 10, ageMs: 0 }]);
    const snapshots: Snapshot[] = [];
    const { engine } = await startEngine(
      dir,
      'cleanup_on_startup: false\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 100\n',
      { clock, subscribe: (on) => on('snapshot', (s) => void snapshots.push(s)) },
    );
    try {
      const files = () => snapshots.at(-1)?.folders.find((f) => f.name === 'outputs')?.fileCount;
      // The first scan runs after createEngine returned; its result may wait behind the push that said
      // "scanning", for one interval of the fake clock.
      await expect.poll(() => (clock.advance(250), files()), { timeout: 20_000 }).toBe(1);
      // A quiet spell: every interval the start-up opened has passed (not the schedule's 1 s start delay).
      clock.advance(300);
      await writeFile(join(dir, 'outputs', 'b.wav'), 'bb');
      await expect.poll(files, { timeout: 20_000 }).toBe(2);

      // A burst right after: held by the interval (the clock does not move), then sent together.
      const before = snapshots.length;
      await writeFiles(
        join(dir, 'outputs'),
        Array.from({ length: 500 }, (_, i) => ({ path: `burst/c${i}.wav`, sizeBytes: 1, ageMs: 0 })),
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(snapshots.length - before).toBe(0);
      await expect.poll(() => (clock.advance(250), files()), { timeout: 20_000, interval: 100 }).toBe(502);
    } finally {
      await engine.dispose();
    }
  });
});
