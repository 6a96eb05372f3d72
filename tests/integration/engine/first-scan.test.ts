/**
 * Nothing waits for the first scan (issue 17 item 1): a live engine answers while its folders are being
 * scanned, each saying so with what it has counted, and fills in when its scan ends; the start-up cleanup,
 * a preview and a clean of a folder wait for that folder's scan. The first scan is held at the scan port
 * (a fake at EngineOptions.liveScan that runs the real scan and holds its result); the clock is a fake at
 * its port where the schedule must start.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { SCHEDULE_START_DELAY_MS } from '../../../electron/engine/runtime/live-runtime.js';
import { heldScan } from '../../support/held-scan.js';
import { manualClock } from '../../support/manual-clock.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';
import { startEngine, type TestEngineOptions } from '../../support/start-engine.js';

let dir: string;
let cleanup: () => Promise<void>;
let engine: Engine | null = null;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-first-scan-')));
afterEach(async () => {
  await engine?.dispose();
  engine = null;
  await cleanup();
});

/** outputs: 4 files of 10 B, 10 to 40 days old; at most 2 files, so a cleanup removes the 2 oldest. */
async function overLimitEngine(startup: boolean, options: TestEngineOptions): Promise<Engine> {
  await writeFiles(
    join(dir, 'outputs'),
    [1, 2, 3, 4].map((n) => ({ path: `take-${n}.wav`, sizeBytes: 10, ageMs: n * 10 * DAY_MS })),
  );
  const config = `cleanup_on_startup: ${startup}\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 2\n`;
  return (await startEngine(dir, config, options)).engine;
}

const outputs = async (e: Engine) => (await e.getSnapshot()).folders.find((f) => f.name === 'outputs');

describe('first scan held at the scan port', () => {
  it('createEngine answers at once: the folder says it is scanning, with its progress, then fills in', async () => {
    const held = heldScan();
    // The clock never moves: the schedule never starts.
    engine = await overLimitEngine(false, { clock: manualClock(Date.now()), liveScan: held.scan });
    await held.counted;
    await expect
      .poll(async () => (await outputs(engine!))?.scanning)
      .toEqual({ filesSoFar: 4, bytesSoFar: 40 });
    const scanning = await outputs(engine);
    // No level pretending to be measured: nothing counted as the folder's totals yet.
    expect(scanning).toMatchObject({ fileCount: 0, sizeBytes: 0, level: 'ok', exists: true, error: null });
    held.release();
    await expect.poll(async () => (await outputs(engine!))?.scanning, { timeout: 20_000 }).toBeNull();
    expect(await outputs(engine)).toMatchObject({ fileCount: 4, sizeBytes: 40, level: 'over' });
  });

  it('runs the start-up cleanup only after its folder has been scanned', async () => {
    const held = heldScan();
    const clock = manualClock(Date.now());
    engine = await overLimitEngine(true, {
      clock,
      liveScan: held.scan,
      subscribe: (on) => {
        on('cleanupStarted', (e) => void held.events.push(`cleanup ${e.trigger}`));
        on('cleanupFinished', (r) => void held.events.push(`finished ${r.trigger} ${r.filesRemoved}`));
      },
    });
    await held.counted;
    clock.advance(SCHEDULE_START_DELAY_MS); // the schedule starts: the start-up run is due
    expect(await readdir(join(dir, 'outputs'))).toHaveLength(4);
    held.release();
    await expect.poll(() => held.events, { timeout: 20_000 }).toContain('finished startup 2');
    // (The rescan after the run is a scan at the port too: it may add a 'scan-done' after these.)
    expect(held.events.slice(0, 3)).toEqual(['scan-done', 'cleanup startup', 'finished startup 2']);
    expect((await readdir(join(dir, 'outputs'))).sort()).toEqual(['take-1.wav', 'take-2.wav']);
  });

  it('a preview and a (dry-run) clean asked while the folder scans wait for its scan, then answer in full', async () => {
    const held = heldScan();
    engine = await overLimitEngine(false, { clock: manualClock(Date.now()), liveScan: held.scan });
    await held.counted;
    const answered: string[] = [];
    const preview = engine.previewCleanup({ folders: ['outputs'] }).then((p) => {
      answered.push('preview');
      return p;
    });
    // A dry run, so the preview's own scan cannot race the run's removals; the wait is the same.
    const run = engine.runCleanup({ folders: ['outputs'], dryRun: true }).then((r) => {
      answered.push('clean');
      return r;
    });
    // Held: neither can answer while the scan holds (a few turns of the event loop and a real pause).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toEqual([]);
    expect(await readdir(join(dir, 'outputs'))).toHaveLength(4);
    held.release();
    expect((await preview).folders[0]?.remove.map((f) => f.path).sort()).toEqual([
      'take-3.wav',
      'take-4.wav',
    ]);
    expect((await run).folders[0]?.removed.map((f) => f.path).sort()).toEqual(['take-3.wav', 'take-4.wav']);
    expect(held.events[0]).toBe('scan-done');
  });
});
