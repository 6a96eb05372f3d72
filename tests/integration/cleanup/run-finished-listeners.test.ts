/**
 * The cleanup service's finished event (issue 14 item 1): the schedule, the totals and the live runtime
 * hear each run once, in the order they subscribed, before the run's promise resolves; a request that
 * joins a running cleanup is not a second run; an unsubscribed listener hears nothing more.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CleanupService, type RunScope } from '../../../electron/engine/cleanup/cleanup-service.js';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import { systemClock } from '../../../electron/engine/ports.js';
import type { AppConfig, RunRecord } from '../../../shared/types.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';
import { folderRules } from '../../support/folder-rules.js';
import { appConfig } from '../../support/app-config.js';

let cleanupDir: (() => Promise<void>) | null = null;
let history: HistoryStore | null = null;
afterEach(async () => {
  await history?.close();
  history = null;
  await cleanupDir?.();
  cleanupDir = null;
});

async function service() {
  const temp = await makeTempDir('headroom-finished-');
  cleanupDir = temp.cleanup;
  const outputs = path.join(temp.dir, 'outputs');
  const scratch = path.join(temp.dir, 'scratch');
  await writeFiles(outputs, [
    { path: 'a.wav', sizeBytes: 10, ageMs: 40 * DAY_MS },
    { path: 'b.wav', sizeBytes: 10, ageMs: 20 * DAY_MS },
  ]);
  await writeFiles(scratch, [{ path: 'old.tmp', sizeBytes: 10, ageMs: 40 * DAY_MS }]);
  history = (await HistoryStore.open(path.join(temp.dir, 'history.jsonl'))).store;
  const config: AppConfig = appConfig({
    folders: [
      folderRules({ name: 'outputs', path: outputs, maxAgeDays: 30 }),
      folderRules({ name: 'scratch', path: scratch, maxAgeDays: 30 }),
    ],
  });
  return { cleanup: new CleanupService({ history, clock: systemClock, emit: () => undefined }), config };
}

describe('the finished event of the cleanup service (real temp folders, real history file)', () => {
  it('each listener hears each run once, in subscription order, before the run resolves', async () => {
    const { cleanup, config } = await service();
    const heard: string[] = [];
    const seen: Array<{ record: RunRecord; scope: RunScope }> = [];
    cleanup.onFinished(async (record, scope) => {
      await new Promise((resolve) => setTimeout(resolve, 20)); // a slow first listener still goes first
      heard.push(`books ${record.id}`);
      seen.push({ record, scope });
    });
    cleanup.onFinished((record) => void heard.push(`runtime ${record.id}`));

    // A second request while the first runs joins it: one run, heard once.
    const [first, joined] = await Promise.all([
      cleanup.run(config, { trigger: 'manual' }),
      cleanup.run(config, { trigger: 'manual' }),
    ]);
    expect(joined.id).toBe(first.id);
    expect(heard).toEqual([`books ${first.id}`, `runtime ${first.id}`]);
    expect(seen[0]!.scope).toMatchObject({ allFolders: true, gated: false });
    expect(seen[0]!.record.filesRemoved).toBe(2);

    const second = await cleanup.run(config, { trigger: 'schedule', folders: ['scratch'] });
    expect(second.id).not.toBe(first.id);
    expect(heard).toHaveLength(4);
    expect(seen[1]!.scope.allFolders).toBe(false);
    expect(seen[1]!.scope.rules.map((f) => f.name)).toEqual(['scratch']);
  });

  it('an unsubscribed listener hears no later run', async () => {
    const { cleanup, config } = await service();
    const heard: string[] = [];
    const stop = cleanup.onFinished((record) => void heard.push(record.id));
    const first = await cleanup.run(config, { trigger: 'schedule' });
    stop();
    await cleanup.run(config, { trigger: 'schedule' });
    expect(heard).toEqual([first.id]);
  });
});
