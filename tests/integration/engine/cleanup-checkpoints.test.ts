/**
 * A real cleanup over 3,000 old files writes checkpoints to the real history while it removes (DESIGN.md
 * invariant 5); a cancelled one records its true totals; a run that never finishes comes back, at the
 * next open, interrupted with its last checkpoint's counts. The executor runs on its worker thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CleanupService } from '../../../electron/engine/cleanup/cleanup-service.js';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import { systemClock } from '../../../electron/engine/ports.js';
import type { AppConfig, RunRecord } from '../../../shared/types.js';
import { folderRules } from '../../support/folder-rules.js';
import { DAY_MS, makeTempDir } from '../../support/make-tree.js';
import { runningRecord } from '../../support/running-record.js';
import { appConfig } from '../../support/app-config.js';

const FILES = 3000;

let dir: string;
let cleanup: () => Promise<void>;
let root: string;
let historyFile: string;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-checkpoints-'));
  root = path.join(dir, 'temp');
  historyFile = path.join(dir, 'history.jsonl');
  const old = new Date(Date.now() - 30 * DAY_MS);
  for (let i = 0; i < FILES; i++) {
    const file = path.join(root, `d${i % 10}`, `f${i}.tmp`);
    if (i < 10) fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, 'x');
    fs.futimesSync(fd, old, old);
    fs.closeSync(fd);
  }
}, 60_000);
afterEach(async () => cleanup());

function config(): AppConfig {
  return appConfig({
    folders: [folderRules({ name: 'temp', path: root, maxAgeDays: 7 })],
  });
}

async function service(): Promise<{ history: HistoryStore; service: CleanupService }> {
  const { store: history } = await HistoryStore.open(historyFile);
  return { history, service: new CleanupService({ history, clock: systemClock, emit: () => undefined }) };
}

function historyLines(): RunRecord[] {
  if (!fs.existsSync(historyFile)) return [];
  return fs
    .readFileSync(historyFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as RunRecord);
}

const filesLeft = () =>
  fs.readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('.tmp')).length;

describe('cleanup checkpoints (real history, real files)', () => {
  it('appends running records with growing counts, never above the final one, then the finished record', async () => {
    const { history, service: cleanups } = await service();
    const record = await cleanups.run(config(), { trigger: 'manual' });
    await history.close();
    expect(record).toMatchObject({ status: 'completed', filesRemoved: FILES });

    const lines = historyLines();
    const running = lines.slice(0, -1);
    expect(running.every((r) => r.id === record.id && r.status === 'running')).toBe(true);
    // The begin record, the first checkpoint naming the folder at zero, then at least one per 500 removed.
    expect(running[0]?.folders).toEqual([]);
    expect(running[1]?.folders.map((f) => [f.name, f.filesRemoved])).toEqual([['temp', 0]]);
    const counts = running.map((r) => r.filesRemoved);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(Math.max(...counts)).toBeLessThanOrEqual(FILES);
    expect(new Set(counts.filter((n) => n > 0)).size).toBeGreaterThanOrEqual(2);
    for (const r of running.slice(2)) expect(r.folders[0]?.notes.join(' ')).toMatch(/last checkpoint/);
    expect(lines.at(-1)).toMatchObject({ status: 'completed', filesRemoved: FILES });
  });

  it('a dry run writes no checkpoint, only its finished record, marked dry (issue 12)', async () => {
    const { history, service: cleanups } = await service();
    const record = await cleanups.run(config(), { trigger: 'manual', dryRun: true });
    await history.close();
    expect(record.filesRemoved).toBe(FILES);
    expect(historyLines()).toEqual([
      expect.objectContaining({ id: record.id, dryRun: true, status: 'completed' }),
    ]);
    expect(filesLeft()).toBe(FILES);
  });

  it('cancelled mid-run: the finished record holds the true totals and follows every checkpoint', async () => {
    const { history, service: cleanups } = await service();
    const watch = setInterval(() => {
      if (historyLines().some((r) => r.status === 'running' && r.filesRemoved > 0)) cleanups.cancel();
    }, 1);
    const record = await cleanups.run(config(), { trigger: 'manual' }).finally(() => clearInterval(watch));
    await history.close();
    const gone = FILES - filesLeft();
    expect(record.status).toBe('cancelled');
    expect(record.filesRemoved).toBe(gone);
    expect(historyLines().at(-1)).toMatchObject({ status: 'cancelled', filesRemoved: gone });
    const reopened = await HistoryStore.open(historyFile);
    expect(reopened.interrupted).toEqual([]);
    await reopened.store.close();
  });

  it('cancelled while planning: recorded as cancelled, not failed', async () => {
    const { history, service: cleanups } = await service();
    const running = cleanups.run(config(), { trigger: 'manual' });
    cleanups.cancel();
    const record = await running;
    await history.close();
    expect(record).toMatchObject({ status: 'cancelled', filesRemoved: 0, folders: [] });
    expect(filesLeft()).toBe(FILES);
  });

  it('a run that never finished comes back interrupted with its last checkpoint, per folder', async () => {
    const { store } = await HistoryStore.open(historyFile);
    await store.begin(structuredClone(BEGUN));
    await store.checkpoint({
      ...BEGUN,
      folders: [{ ...EMPTY_FOLDER, name: 'temp', filesRemoved: 1500, bytesFreed: 6_144_000 }],
      filesRemoved: 1500,
      bytesFreed: 6_144_000,
    });
    await store.close();
    const reopened = await HistoryStore.open(historyFile);
    expect(reopened.interrupted).toHaveLength(1);
    expect(reopened.interrupted[0]).toMatchObject({ status: 'interrupted', filesRemoved: 1500 });
    const { runs } = await reopened.store.list();
    expect(runs[0]).toMatchObject({ status: 'interrupted', filesRemoved: 1500, bytesFreed: 6_144_000 });
    expect(runs[0]?.folders[0]).toMatchObject({ name: 'temp', filesRemoved: 1500 });
    await reopened.store.close();
  });
});

const BEGUN = runningRecord();

const EMPTY_FOLDER = {
  removed: [],
  skipped: [],
  errors: [],
  removedDirs: [],
  overLimitAfter: false,
  notes: [],
};
