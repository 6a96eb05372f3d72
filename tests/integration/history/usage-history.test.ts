/**
 * Usage over time, kept (issue 15 item 2): samples in 5-minute points for 7 days and hourly points for 90,
 * appended to usage-history.jsonl in a real temp data folder and compacted, read back after a restart, and
 * a damaged file keeps what it can. Time reaches the store as a number (the fake stands at the clock port
 * in the engine test below).
 */
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { USAGE_FILE, UsageHistoryStore } from '../../../electron/engine/history/usage-history-store.js';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../../shared/units.js';
import { manualClock } from '../../support/manual-clock.js';
import { makeTempDir, writeFiles } from '../../support/make-tree.js';

const T0 = Date.UTC(2026, 10, 1);
const STEP = 5 * MS_PER_MINUTE;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const temp = await makeTempDir('headroom-usage-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}

function quietLog(): { log: (m: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { log: (m) => lines.push(m), lines };
}

describe('usage history store (real data folder)', () => {
  it('keeps 5-minute points for 7 days and hourly points for 90, and survives a restart', async () => {
    const file = join(await tempDir(), USAGE_FILE);
    const store = await UsageHistoryStore.open(file, { writable: true, log: () => {} });
    // 100 days of samples every 5 minutes, growing by 1 MB each.
    const total = (100 * MS_PER_DAY) / STEP;
    for (let i = 0; i < total; i++) {
      await store.sample(T0 + i * STEP, { outputs: { sizeBytes: i * 1_000_000, fileCount: i } });
    }
    const nowMs = T0 + (total - 1) * STEP;
    const week = store.history(['outputs'], { days: 7, maxPoints: 5000, nowMs }).folders[0]!;
    expect(week.stepMs).toBe(STEP);
    expect(week.points.length).toBeGreaterThanOrEqual((7 * MS_PER_DAY) / STEP - 1);
    expect(week.points.length).toBeLessThanOrEqual((7 * MS_PER_DAY) / STEP + 1);
    expect(week.points.at(-1)).toMatchObject({ sizeBytes: (total - 1) * 1_000_000, fileCount: total - 1 });

    const all = store.history(['outputs'], { days: 90, maxPoints: 5000, nowMs }).folders[0]!;
    expect(all.stepMs).toBe(MS_PER_HOUR);
    expect(all.points.length).toBeLessThanOrEqual(90 * 24 + 1);
    expect(all.points.length).toBeGreaterThanOrEqual(90 * 24 - 1);
    expect(all.points[0]!.atMs).toBeGreaterThanOrEqual(nowMs - 90 * MS_PER_DAY - MS_PER_HOUR);
    await store.settle();

    const again = await UsageHistoryStore.open(file, { writable: true, log: () => {} });
    expect(again.history(['outputs'], { days: 90, maxPoints: 5000, nowMs }).folders[0]!.points).toEqual(
      all.points,
    );
    expect(again.history(['outputs'], { days: 7, maxPoints: 5000, nowMs }).folders[0]!.points).toEqual(
      week.points,
    );
  }, 180_000); // 28,800 samples and 100 compactions written to disk: bounded work, no time asserted

  it('stays a few hundred KB for 10 busy folders over 100 days (compaction drops what is past the bounds)', async () => {
    const file = join(await tempDir(), USAGE_FILE);
    const store = await UsageHistoryStore.open(file, { writable: true, log: () => {} });
    const total = (100 * MS_PER_DAY) / STEP;
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const sizes = Array.from({ length: 10 }, () => 0);
    const counts = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < total; i++) {
      const readings: Record<string, { sizeBytes: number; fileCount: number }> = {};
      for (let f = 0; f < 10; f++) {
        // Every folder changes at every sample: the worst case for the encoding.
        sizes[f] = Math.max(0, sizes[f]! + Math.round((random() - 0.3) * 50_000_000));
        counts[f] = Math.max(0, counts[f]! + Math.round((random() - 0.3) * 40));
        readings[`folder-${f}`] = { sizeBytes: sizes[f]!, fileCount: counts[f]! };
      }
      await store.sample(T0 + i * STEP, readings);
      if (i % 60 === 0) await store.freed(T0 + i * STEP, { 'folder-0': 123_456_789 });
    }
    await store.settle();
    const bytes = (await stat(file)).size;
    expect(bytes).toBeLessThan(600 * 1024);
    console.log(`usage-history.jsonl for 10 busy folders after 100 days: ${(bytes / 1024).toFixed(0)} KB`);
  }, 180_000); // 28,800 samples and 100 compactions written to disk: bounded work, no time asserted

  it('records what cleanups freed in the interval they ran, for the marks and the per-day totals', async () => {
    const file = join(await tempDir(), USAGE_FILE);
    const store = await UsageHistoryStore.open(file, { writable: true, log: () => {} });
    await store.sample(T0, { outputs: { sizeBytes: 500, fileCount: 5 } });
    await store.freed(T0 + 2 * MS_PER_MINUTE, { outputs: 300 });
    await store.sample(T0 + 2 * MS_PER_MINUTE, { outputs: { sizeBytes: 200, fileCount: 2 } });
    await store.freed(T0 + 40 * MS_PER_DAY, { outputs: 50 });
    await store.sample(T0 + 40 * MS_PER_DAY, { outputs: { sizeBytes: 150, fileCount: 1 } });
    await store.settle();
    const reopened = await UsageHistoryStore.open(file, { writable: true, log: () => {} });
    const nowMs = T0 + 40 * MS_PER_DAY;
    const history = reopened.history(['outputs', 'never-sampled'], { days: 7, maxPoints: 400, nowMs });
    expect(history.freedDays).toBe(30);
    expect(history.folders[0]!.freed).toEqual([{ atMs: T0 + 40 * MS_PER_DAY, bytes: 50 }]);
    expect(history.folders[1]).toEqual({ name: 'never-sampled', points: [], stepMs: STEP, freed: [] });
    const longer = reopened.history(['outputs'], { days: 60, maxPoints: 400, nowMs });
    expect(longer.freedDays).toBe(60);
    expect(longer.folders[0]!.freed.map((f) => f.bytes)).toEqual([300, 50]);
  });

  it('keeps what it can of a torn or corrupt file, says so in the log, and writes a clean file again', async () => {
    const file = join(await tempDir(), USAGE_FILE);
    const store = await UsageHistoryStore.open(file, { writable: true, log: () => {} });
    for (let i = 0; i < 10; i++)
      await store.sample(T0 + i * STEP, { outputs: { sizeBytes: i, fileCount: i } });
    await store.settle();
    const text = await readFile(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    // One line garbled in the middle, and a torn last line (a crash mid-append).
    lines[3] = '{"t":12,"sample":{"outputs":[';
    await writeFile(file, lines.join('\n') + '\n' + '\u0000\u0000{"t":');
    const { log, lines: logged } = quietLog();
    const reopened = await UsageHistoryStore.open(file, { writable: true, log });
    const points = reopened.history(['outputs'], { days: 1, maxPoints: 400, nowMs: T0 + 9 * STEP })
      .folders[0]!.points;
    expect(points.map((p) => p.sizeBytes)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(logged).toEqual([expect.stringMatching(/usage history: skipped 2 damaged lines .*kept the rest/)]);
    await reopened.sample(T0 + 10 * STEP, { outputs: { sizeBytes: 10, fileCount: 10 } });
    await reopened.settle();
    const third = await UsageHistoryStore.open(file, { writable: true, log });
    expect(logged).toHaveLength(1);
    expect(
      third
        .history(['outputs'], { days: 1, maxPoints: 400, nowMs: T0 + 10 * STEP })
        .folders[0]!.points.at(-1),
    ).toMatchObject({ sizeBytes: 10 });
  });

  it('a file that is not usage history at all is kept aside, not fatal', async () => {
    const file = join(await tempDir(), USAGE_FILE);
    await writeFile(file, Buffer.from([0xff, 0xfe, 0x00, 0x12, 0x80, 0x0a, 0x7b]));
    await appendFile(file, '[1,2,3]\n"text"\n{"folder":7}\n');
    const { log, lines } = quietLog();
    const store = await UsageHistoryStore.open(file, { writable: true, log });
    expect(store.history(['outputs'], { days: 7, maxPoints: 400, nowMs: T0 }).folders[0]!.points).toEqual([]);
    expect(lines).toEqual([expect.stringMatching(/usage history: skipped 4 damaged lines/)]);
    await store.sample(T0, { outputs: { sizeBytes: 1, fileCount: 1 } });
    await store.settle();
    expect(
      (await UsageHistoryStore.open(file, { writable: true, log })).history(['outputs'], {
        days: 7,
        maxPoints: 400,
        nowMs: T0,
      }).folders[0]!.points,
    ).toHaveLength(1);
  });
});

describe('the live engine samples usage on the clock port (fake clock at the port)', () => {
  let engine: Engine | null = null;
  afterEach(async () => {
    await engine?.dispose();
    engine = null;
  });

  it('every 5 minutes and after each cleanup, served by getUsageHistory and kept across a restart', async () => {
    const dir = await tempDir();
    const clock = manualClock(T0);
    await writeFiles(join(dir, 'outputs'), [{ path: 'a.wav', sizeBytes: 1000, ageMs: 0 }], T0);
    const configFile = join(dir, 'config.yaml');
    await writeFile(
      configFile,
      'cleanup_on_startup: false\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 100\n',
    );
    const dataDir = join(dir, 'data');
    engine = await createEngine({ dataDir, configFile, clock, live: true, log: () => {} });
    // Sampling starts with the first totals, once the folder's first scan has ended (issue 17).
    await expect.poll(async () => (await engine!.getSnapshot()).folders[0]!.scanning).toBeNull();
    clock.advance(STEP);
    await writeFiles(join(dir, 'outputs'), [{ path: 'b.wav', sizeBytes: 2000, ageMs: 0 }], T0);
    const snapshotWith = async (bytes: number) => {
      for (let i = 0; i < 200; i++) {
        if ((await engine!.getSnapshot()).folders[0]!.sizeBytes === bytes) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the index never saw ${bytes} bytes`);
    };
    await snapshotWith(3000);
    clock.advance(STEP);
    const history = await engine.getUsageHistory({ days: 1 });
    const sizes = history.folders[0]!.points.map((p) => p.sizeBytes);
    expect(sizes).toEqual([1000, 1000, 3000]);
    await engine.dispose();
    engine = await createEngine({ dataDir, configFile, clock, live: true, log: () => {} });
    const kept = await engine.getUsageHistory({ days: 1 });
    expect(kept.folders[0]!.points.map((p) => p.sizeBytes).slice(0, 3)).toEqual([1000, 1000, 3000]);
  });
});
