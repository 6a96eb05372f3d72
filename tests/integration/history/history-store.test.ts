import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import type { RunRecord, RunStatus } from '../../../shared/types.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-history-'));
  file = path.join(dir, 'history.jsonl');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2025, 6, 1, 10, 0, 0);

/** A run started `minute` minutes after T0. */
function run(
  id: string,
  minute: number,
  status: RunStatus = 'running',
  extra: Partial<RunRecord> = {},
): RunRecord {
  const ended = status !== 'running';
  return {
    id,
    trigger: 'schedule',
    dryRun: false,
    startedAt: new Date(T0 + minute * 60_000).toISOString(),
    finishedAt: ended ? new Date(T0 + minute * 60_000 + 5_000).toISOString() : null,
    status,
    folders: ended
      ? [
          {
            name: 'outputs',
            removed: [{ path: `old-${id}.wav`, sizeBytes: 10, reason: 'age' }],
            skipped: [],
            errors: [],
            filesRemoved: 1,
            bytesFreed: 10,
            removedDirs: [],
            overLimitAfter: false,
            notes: [],
          },
        ]
      : [],
    filesRemoved: ended ? 1 : 0,
    bytesFreed: ended ? 10 : 0,
    ...extra,
  };
}

async function lines(): Promise<string[]> {
  return (await fs.readFile(file, 'utf8')).split('\n').filter((l) => l !== '');
}

const ids = (runs: RunRecord[]): string[] => runs.map((r) => r.id);

describe('HistoryStore', () => {
  it('starts empty when the file does not exist, and creates it on the first run', async () => {
    const { store, damagedLines, interrupted } = await HistoryStore.open(file);
    expect([damagedLines, interrupted]).toEqual([0, []]);
    expect(await store.list()).toEqual({ runs: [], damagedLines: 0 });
    await store.begin(run('a', 0));
    expect((await lines()).map((l) => JSON.parse(l).status)).toEqual(['running']);
  });

  it('keeps the last line of a run: begin then finish lists one completed run', async () => {
    const { store } = await HistoryStore.open(file);
    await store.begin(run('a', 0));
    await store.finish(run('a', 0, 'completed'));
    expect((await store.list()).runs).toEqual([run('a', 0, 'completed')]);
    const reopened = await HistoryStore.open(file);
    expect(reopened.interrupted).toEqual([]);
    expect((await reopened.store.list()).runs).toEqual([run('a', 0, 'completed')]);
  });

  it('marks a run that never finished as interrupted on the next open, once, by appending', async () => {
    const first = await HistoryStore.open(file);
    await first.store.begin(run('done', 0));
    await first.store.finish(run('done', 0, 'completed'));
    await first.store.begin(run('crashed', 10));
    // The process dies here: no finish().

    const second = await HistoryStore.open(file);
    expect(second.interrupted).toEqual([{ ...run('crashed', 10), status: 'interrupted' }]);
    expect((await second.store.list()).runs.map((r) => [r.id, r.status])).toEqual([
      ['crashed', 'interrupted'],
      ['done', 'completed'],
    ]);
    const written = await lines();
    expect(written).toHaveLength(4);
    expect(JSON.parse(written[3]!)).toMatchObject({ id: 'crashed', status: 'interrupted' });

    const third = await HistoryStore.open(file);
    expect(third.interrupted).toEqual([]);
    expect(await lines()).toHaveLength(4);
  });

  it('skips a truncated last line (a crash mid-write), counts it, and appends after it cleanly', async () => {
    const { store } = await HistoryStore.open(file);
    await store.begin(run('a', 0));
    await store.finish(run('a', 0, 'completed'));
    const partial = JSON.stringify(run('b', 5)).slice(0, 40);
    await fs.appendFile(file, partial);

    const reopened = await HistoryStore.open(file);
    expect(reopened.damagedLines).toBe(1);
    expect(reopened.interrupted).toEqual([]);
    await reopened.store.begin(run('c', 10));

    // The new start record must be whole on its own line, not glued to the fragment.
    const again = await HistoryStore.open(file);
    expect(again.damagedLines).toBe(1);
    expect(ids(again.interrupted)).toEqual(['c']);
    expect(ids((await again.store.list()).runs)).toEqual(['c', 'a']);
    expect((await again.store.list()).damagedLines).toBe(1);
  });

  it('skips garbage and wrongly shaped lines in the middle, and counts each', async () => {
    const good = (r: RunRecord): string => JSON.stringify(r);
    const text = [
      good(run('a', 0, 'completed')),
      'not json at all \u0000\u00ff',
      '{"id":"x","status":"completed"}',
      JSON.stringify({ ...run('y', 3, 'completed'), startedAt: 'yesterday' }),
      '',
      good(run('b', 5, 'completed')),
      '',
    ].join('\n');
    await fs.writeFile(file, text);
    const { store, damagedLines } = await HistoryStore.open(file);
    expect(damagedLines).toBe(3);
    expect(ids((await store.list()).runs)).toEqual(['b', 'a']);
  });

  it('lists newest first by start time, pages with limit and before', async () => {
    const { store } = await HistoryStore.open(file);
    for (const [id, minute] of [
      ['m2', 2],
      ['m4', 4],
      ['m1', 1],
      ['m3', 3],
    ] as const) {
      await store.begin(run(id, minute));
      await store.finish(run(id, minute, 'completed'));
    }
    expect(ids((await store.list()).runs)).toEqual(['m4', 'm3', 'm2', 'm1']);
    const page1 = await store.list({ limit: 2 });
    expect(ids(page1.runs)).toEqual(['m4', 'm3']);
    const page2 = await store.list({ limit: 2, before: page1.runs[1]!.startedAt });
    expect(ids(page2.runs)).toEqual(['m2', 'm1']);
    expect((await store.list({ limit: 2, before: page2.runs[1]!.startedAt })).runs).toEqual([]);
  });

  it('compacts to the newest maxRuns runs, so the file stays bounded', async () => {
    const { store } = await HistoryStore.open(file, { maxRuns: 5 });
    for (let i = 0; i < 12; i++) {
      await store.begin(run(`r${i}`, i));
      await store.finish(run(`r${i}`, i, 'completed'));
      expect((await store.list({ limit: 1000 })).runs.length).toBeLessThanOrEqual(5);
      expect((await lines()).length).toBeLessThanOrEqual(2 * 5);
    }
    expect(ids((await store.list()).runs)).toEqual(['r11', 'r10', 'r9', 'r8', 'r7']);
    const reopened = await HistoryStore.open(file, { maxRuns: 5 });
    expect(ids((await reopened.store.list()).runs)).toEqual(['r11', 'r10', 'r9', 'r8', 'r7']);
    expect(reopened.damagedLines).toBe(0);
  });

  it('compacts a file that is over the bound when opened', async () => {
    const text = Array.from({ length: 20 }, (_, i) => JSON.stringify(run(`r${i}`, i, 'completed'))).join(
      '\n',
    );
    await fs.writeFile(file, `${text}\n`);
    const { store } = await HistoryStore.open(file, { maxRuns: 3 });
    expect(ids((await store.list()).runs)).toEqual(['r19', 'r18', 'r17']);
    expect(await lines()).toHaveLength(3);
  });

  it('never loses a running record when compacting', async () => {
    const { store } = await HistoryStore.open(file, { maxRuns: 2 });
    await store.begin(run('long', 0));
    for (let i = 1; i <= 4; i++) {
      await store.begin(run(`r${i}`, i));
      await store.finish(run(`r${i}`, i, 'completed'));
    }
    expect(ids((await store.list()).runs)).toContain('long');
    // The app crashes while 'long' is still going: it must come back as interrupted.
    const reopened = await HistoryStore.open(file, { maxRuns: 2 });
    expect(ids(reopened.interrupted)).toEqual(['long']);
  });

  it('keeps the file under maxFileBytes by compacting to half of it', async () => {
    const maxFileBytes = 4000;
    const { store } = await HistoryStore.open(file, { maxFileBytes });
    for (let i = 0; i < 40; i++) {
      await store.begin(run(`r${i}`, i));
      await store.finish(run(`r${i}`, i, 'completed'));
      expect((await fs.stat(file)).size).toBeLessThanOrEqual(maxFileBytes);
    }
    const kept = ids((await store.list()).runs);
    expect(kept[0]).toBe('r39');
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.length).toBeLessThan(40);
  });

  it('writes concurrent begin/finish calls in call order, each as it was at call time', async () => {
    const { store } = await HistoryStore.open(file);
    const a = run('a', 0);
    const b = run('b', 1);
    const writes = [store.begin(a), store.begin(b), store.finish(run('a', 0, 'completed'))];
    // The caller goes on changing its record; the line must hold what begin() was given.
    b.folders.push(run('x', 9, 'completed').folders[0]!);
    writes.push(store.finish(run('b', 1, 'cancelled')));
    await Promise.all(writes);
    expect(
      (await lines()).map((l) => [JSON.parse(l).id, JSON.parse(l).status, JSON.parse(l).folders.length]),
    ).toEqual([
      ['a', 'running', 0],
      ['b', 'running', 0],
      ['a', 'completed', 1],
      ['b', 'cancelled', 1],
    ]);
    expect((await store.list()).runs.map((r) => [r.id, r.status])).toEqual([
      ['b', 'cancelled'],
      ['a', 'completed'],
    ]);
  });

  it('finds the last completed real run for the schedule', async () => {
    const { store } = await HistoryStore.open(file);
    expect(store.lastCompletedRun()).toBeNull();
    await store.finish(run('old', 0, 'completed'));
    await store.finish(run('errors', 1, 'completed_with_errors'));
    await store.finish(run('dry', 2, 'completed', { dryRun: true }));
    await store.finish(run('failed', 3, 'failed'));
    await store.begin(run('now', 4));
    expect(store.lastCompletedRun()?.id).toBe('errors');
  });

  it('refuses a begin that is not running, a finish that is, and a malformed record, writing nothing', async () => {
    const { store } = await HistoryStore.open(file);
    await expect(store.begin(run('a', 0, 'completed'))).rejects.toThrow(/running/);
    await expect(store.finish(run('a', 0))).rejects.toThrow(/ended/);
    await expect(store.begin({ ...run('a', 0), startedAt: 'now' })).rejects.toThrow();
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses writes after close, having finished the pending ones', async () => {
    const { store } = await HistoryStore.open(file);
    const pending = store.begin(run('a', 0));
    await store.close();
    await pending;
    await expect(store.finish(run('a', 0, 'completed'))).rejects.toThrow(/closed/);
    expect(await lines()).toHaveLength(1);
  });
});
