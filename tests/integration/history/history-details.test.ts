/**
 * The store holds only summaries in memory; these check that a listed page still carries every run's
 * full per-file lists, read back from the file: after a re-open, after a compaction, around damaged
 * lines, and when another process compacts the file under a read-only store.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import type { RunRecord } from '../../../shared/types.js';
import { detailedRun } from './support/detailed-run.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-history-details-'));
  file = path.join(dir, 'history.jsonl');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Records `count` runs (begin, then finish with full lists) and returns them oldest first. */
async function record(store: HistoryStore, count: number, first = 0): Promise<RunRecord[]> {
  const runs: RunRecord[] = [];
  for (let i = first; i < first + count; i++) {
    await store.begin(detailedRun(`r${i}`, i, 'running'));
    const done = detailedRun(`r${i}`, i);
    await store.finish(done);
    runs.push(done);
  }
  return runs;
}

const newestFirst = (runs: RunRecord[]): RunRecord[] => [...runs].reverse();

describe('HistoryStore keeps summaries in memory and reads details from the file', () => {
  it('lists pages of whole records, lists and all, after a re-open', async () => {
    const first = await HistoryStore.open(file);
    const runs = await record(first.store, 6);
    await first.store.close();

    const { store } = await HistoryStore.open(file);
    const page1 = await store.list({ limit: 4 });
    expect(page1.runs).toEqual(newestFirst(runs).slice(0, 4));
    expect(page1.runs[0]!.folders[0]!.removed).toHaveLength(50);
    const page2 = await store.list({ limit: 4, before: page1.runs[3]!.startedAt });
    expect(page2).toEqual({ runs: newestFirst(runs).slice(4), damagedLines: 0 });
  });

  it('answers lastCompletedRun from the summary: counts, omitted and notes kept, lists empty', async () => {
    const { store } = await HistoryStore.open(file);
    const [run] = await record(store, 1);
    const last = store.lastCompletedRun();
    expect(last?.folders.map((f) => [f.removed, f.skipped, f.errors, f.removedDirs])).toEqual([
      [[], [], [], []],
      [[], [], [], []],
    ]);
    expect(last?.folders.map((f) => [f.filesRemoved, f.bytesFreed, f.omitted, f.notes])).toEqual(
      run!.folders.map((f) => [f.filesRemoved, f.bytesFreed, f.omitted, f.notes]),
    );
    expect([last?.status, last?.filesRemoved, last?.bytesFreed]).toEqual([
      run!.status,
      run!.filesRemoved,
      run!.bytesFreed,
    ]);
  });

  it('keeps every kept run whole through compactions by run count, and after a re-open', async () => {
    const { store } = await HistoryStore.open(file, { maxRuns: 5 });
    const runs = await record(store, 12);
    const kept = newestFirst(runs).slice(0, 5);
    expect((await store.list()).runs).toEqual(kept);
    const reopened = await HistoryStore.open(file, { maxRuns: 5 });
    expect(reopened.damagedLines).toBe(0);
    expect(await reopened.store.list()).toEqual({ runs: kept, damagedLines: 0 });
  });

  it('keeps every kept run whole through compactions by file size', async () => {
    const maxFileBytes = 200_000; // a run's line is ~20 KB: compactions happen every few runs
    const { store } = await HistoryStore.open(file, { maxFileBytes });
    const runs = await record(store, 30);
    expect((await fs.stat(file)).size).toBeLessThanOrEqual(maxFileBytes);
    const listed = (await store.list({ limit: 1000 })).runs;
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.length).toBeLessThan(30);
    expect(listed).toEqual(newestFirst(runs).slice(0, listed.length));
  });

  it('keeps a running run whole through a compaction: it comes back interrupted with its lists', async () => {
    const { store } = await HistoryStore.open(file, { maxRuns: 2 });
    const long = { ...detailedRun('long', 0), status: 'running' as const, finishedAt: null };
    await store.begin(long);
    await record(store, 4, 1);
    expect((await store.list()).runs.find((r) => r.id === 'long')).toEqual(long);
    const reopened = await HistoryStore.open(file, { maxRuns: 2 });
    expect(reopened.interrupted).toEqual([{ ...long, status: 'interrupted' }]);
  });

  it('loads the runs around a damaged line in the middle, with their details', async () => {
    const [a, b, c] = [detailedRun('a', 0), detailedRun('b', 1), detailedRun('c', 2)];
    const garbled = JSON.stringify(b).slice(0, 500) + 'garbage';
    await fs.writeFile(file, [JSON.stringify(a), garbled, JSON.stringify(c), ''].join('\n'));
    const { store, damagedLines } = await HistoryStore.open(file);
    expect(damagedLines).toBe(1);
    expect(await store.list()).toEqual({ runs: [c, a], damagedLines: 1 });
  });

  it('lists a run whose line was damaged after open as its summary, counts it once, and compacts on', async () => {
    const { store } = await HistoryStore.open(file, { maxRuns: 3 });
    const [a, b, c] = await record(store, 3);
    // Overwrite bytes in the middle of b's finished line, in place, behind the store's back.
    const text = await fs.readFile(file, 'utf8');
    const at = Buffer.byteLength(text.slice(0, text.lastIndexOf('"id":"r1"'))) + 100;
    const handle = await fs.open(file, 'r+');
    await handle.write(Buffer.from('\u0000'.repeat(40)), 0, 40, at);
    await handle.close();

    const page = await store.list();
    expect(page.damagedLines).toBe(1);
    expect(page.runs[0]).toEqual(c);
    expect(page.runs[2]).toEqual(a);
    const damaged = page.runs[1]!;
    expect([damaged.id, damaged.status, damaged.filesRemoved, damaged.bytesFreed]).toEqual([
      b!.id,
      b!.status,
      b!.filesRemoved,
      b!.bytesFreed,
    ]);
    expect(damaged.folders.every((f) => f.removed.length === 0 && f.skipped.length === 0)).toBe(true);
    expect((await store.list()).damagedLines).toBe(1);

    // A compaction keeps b as its summary and the others whole; nothing is lost, nothing counted twice.
    const [d] = await record(store, 1, 3);
    expect(await store.list()).toEqual({ runs: [d, c, damaged], damagedLines: 1 });
    const reopened = await HistoryStore.open(file, { maxRuns: 3 });
    expect(await reopened.store.list()).toEqual({ runs: [d, c, damaged], damagedLines: 0 });
  });

  it('a read-only store follows a compaction by the owner instead of reading stale offsets', async () => {
    const owner = await HistoryStore.open(file, { maxRuns: 3 });
    const runs = await record(owner.store, 3);
    const reader = await HistoryStore.open(file, { readOnly: true });
    expect((await reader.store.list()).runs).toEqual(newestFirst(runs));
    const more = await record(owner.store, 2, 3);
    expect(await reader.store.list()).toEqual({
      runs: newestFirst([...runs, ...more]).slice(0, 3),
      damagedLines: 0,
    });
  });
});
