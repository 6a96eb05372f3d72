/**
 * Which runs the history keeps (issue 12 item 8): a dry run is recorded, marked as one; a run that would
 * remove nothing is not, unless it ran on the schedule (the record then shows the schedule did its work).
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CleanupService } from '../../../electron/engine/cleanup/cleanup-service.js';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import { systemClock } from '../../../electron/engine/ports.js';
import type { AppConfig, CleanupTrigger } from '../../../shared/types.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';
import { folderRules } from '../../support/folder-rules.js';
import { appConfig } from '../../support/app-config.js';

let cleanupDir: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanupDir?.();
  cleanupDir = null;
});

/** A folder of 3 files, 20 to 40 days old, under `maxAgeDays`: 30 → one file to remove, 60 → none. */
async function runOnce(maxAgeDays: number, trigger: CleanupTrigger, dryRun = false) {
  const temp = await makeTempDir('headroom-records-');
  cleanupDir = temp.cleanup;
  const root = path.join(temp.dir, 'outputs');
  await writeFiles(root, [
    { path: 'a.wav', sizeBytes: 10, ageMs: 40 * DAY_MS },
    { path: 'b.wav', sizeBytes: 10, ageMs: 30 * DAY_MS - 60_000 },
    { path: 'c.wav', sizeBytes: 10, ageMs: 20 * DAY_MS },
  ]);
  const file = path.join(temp.dir, 'history.jsonl');
  const { store } = await HistoryStore.open(file);
  const service = new CleanupService({ history: store, clock: systemClock, emit: () => undefined });
  const config: AppConfig = appConfig({
    folders: [folderRules({ path: root, maxAgeDays })],
  });
  const record = await service.run(config, { trigger, dryRun });
  const page = await store.list();
  await store.close();
  return { record, runs: page.runs };
}

describe('run records (real temp folders, real history file)', () => {
  it('records a dry run, marked as one, with what it would have removed', async () => {
    const { record, runs } = await runOnce(30, 'manual', true);
    expect(record.dryRun).toBe(true);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: record.id, dryRun: true, status: 'completed' });
    expect(runs[0]!.folders[0]!.removed.map((f) => f.path)).toEqual(['a.wav']);
  });

  it('does not record a manual run that would remove nothing', async () => {
    const { record, runs } = await runOnce(60, 'manual');
    expect(record).toMatchObject({ status: 'completed', filesRemoved: 0 });
    expect(runs).toEqual([]);
  });

  it('records a scheduled run that removed nothing', async () => {
    const { record, runs } = await runOnce(60, 'schedule');
    expect(runs.map((r) => r.id)).toEqual([record.id]);
  });

  it('records a run that removes files', async () => {
    const { record, runs } = await runOnce(30, 'manual');
    expect(record.filesRemoved).toBe(1);
    expect(runs.map((r) => r.id)).toEqual([record.id]);
  });
});
