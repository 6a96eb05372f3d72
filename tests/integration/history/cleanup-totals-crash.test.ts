/**
 * Cumulative totals after a crash (issue 16): the process can die between writing a run's end to the
 * history and writing cleanup-totals.json, or with the totals written and the history's end line not.
 * The files are written here in each in-between state, then opened the way the engine opens them: the
 * run must be counted exactly once, and opening again must not count it twice.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CleanupTotals, addRun, emptyTotals } from '../../../electron/engine/history/cleanup-totals.js';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import type { RunRecord } from '../../../shared/types.js';
import { detailedRun } from './support/detailed-run.js';

let dir: string;
let historyFile: string;
let totalsFile: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-totals-crash-'));
  historyFile = path.join(dir, 'history.jsonl');
  totalsFile = path.join(dir, 'cleanup-totals.json');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Opens history and totals as createEngine does at start-up, and returns the totals it then holds. */
async function start(): Promise<ReturnType<CleanupTotals['current']>> {
  const opened = await HistoryStore.open(historyFile);
  const totals = await CleanupTotals.open(totalsFile, {
    writable: true,
    history: async (limit) => (await opened.store.list({ limit })).runs,
  });
  await opened.store.close();
  return totals.current();
}

/** A clean life: each run begun and finished in history, then added to the totals. */
async function recordFully(runs: RunRecord[]): Promise<void> {
  const opened = await HistoryStore.open(historyFile);
  const totals = await CleanupTotals.open(totalsFile, {
    writable: true,
    history: async (limit) => (await opened.store.list({ limit })).runs,
  });
  for (const run of runs) {
    await opened.store.begin({ ...run, status: 'running', finishedAt: null, folders: [] });
    await opened.store.finish(run);
    await totals.add(run);
  }
  await opened.store.close();
}

const expected = (runs: RunRecord[]) => runs.reduce(addRun, emptyTotals());

describe('cleanup totals reconciled with the history at start-up', () => {
  it('folds in a run whose end reached the history but not the totals (crash between the two writes)', async () => {
    const [a, b, c] = [detailedRun('r0', 0), detailedRun('r1', 1), detailedRun('r2', 2)];
    await recordFully([a!, b!]);
    // The crash: c's end is in the history, the totals file still holds a and b only.
    const opened = await HistoryStore.open(historyFile);
    await opened.store.begin({ ...c!, status: 'running', finishedAt: null, folders: [] });
    await opened.store.finish(c!);
    await opened.store.close();

    const after = await start();
    expect(after.runs).toBe(3);
    expect(after.filesRemoved).toBe(expected([a!, b!, c!]).filesRemoved);
    expect(after.bytesFreed).toBe(expected([a!, b!, c!]).bytesFreed);
    expect(after.errors).toBe(expected([a!, b!, c!]).errors);
    // A second start finds nothing new: the run is not counted twice.
    const again = await start();
    expect(again.runs).toBe(3);
    expect(again.filesRemoved).toBe(after.filesRemoved);
  });

  it('does not count twice a run the totals hold whose end never reached the history (the other order)', async () => {
    const [a, b] = [detailedRun('r0', 0), detailedRun('r1', 1)];
    await recordFully([a!]);
    // The crash: b was begun in the history and added to the totals; its end line never written.
    const opened = await HistoryStore.open(historyFile);
    const totals = await CleanupTotals.open(totalsFile, {
      writable: true,
      history: async (limit) => (await opened.store.list({ limit })).runs,
    });
    await opened.store.begin({ ...b!, status: 'running', finishedAt: null, folders: [] });
    await totals.add(b!);
    await opened.store.close();

    // At start the history marks b interrupted; the totals already hold it.
    const after = await start();
    expect(after.runs).toBe(2);
    expect(after.filesRemoved).toBe(expected([a!, b!]).filesRemoved);
    expect((await start()).runs).toBe(2);
  });

  it('counts once a run interrupted by a crash before either end was written', async () => {
    const [a, b] = [detailedRun('r0', 0), detailedRun('r1', 1)];
    await recordFully([a!]);
    const opened = await HistoryStore.open(historyFile);
    await opened.store.begin({ ...b!, status: 'running', finishedAt: null, folders: [] });
    await opened.store.close();

    const after = await start();
    expect(after.runs).toBe(2);
    expect(after.runsBy['schedule:interrupted']).toBe(1);
    expect((await start()).runs).toBe(2);
  });

  it('reads a totals file written before runs were tracked by id: runs up to its last cleanup are counted, later ones folded in', async () => {
    const [a, b] = [detailedRun('r0', 0), detailedRun('r1', 1)];
    await recordFully([a!, b!]);
    // An older Headroom's file: the totals of a only, no ids.
    const old = expected([a!]);
    await fs.writeFile(totalsFile, JSON.stringify(old));
    const after = await start();
    expect(after.runs).toBe(2);
    expect(after.filesRemoved).toBe(expected([a!, b!]).filesRemoved);
    expect((await start()).runs).toBe(2);
  });
});
