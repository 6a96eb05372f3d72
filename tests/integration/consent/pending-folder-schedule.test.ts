/**
 * Issue 16 leftover: a disk edit's new removals apply at the next run of the folders they concern, not at
 * the earliest run of any folder. Manual clock (a fake at the Clock port); real files, config and data folder.
 */
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { manualClock, type ManualClock } from '../../support/manual-clock.js';
import { CACHE_FILES, consentFixture, type ConsentFixture } from './consent-fixture.js';

let fx: ConsentFixture;
let clock: ManualClock;
let engine: Engine | null = null;

beforeEach(async () => {
  fx = await consentFixture();
  clock = manualClock(Date.now());
});
afterEach(async () => {
  await engine?.dispose();
  engine = null;
  await fx.cleanup();
});

/** `outputs` runs every hour on its own schedule; `cache` (when present) follows the global 5 hours. */
const configYaml = (cache: boolean) =>
  [
    'cleanup_on_startup: false',
    'cleanup_interval_hours: 5',
    'folders:',
    '  - name: outputs',
    `    path: ${JSON.stringify(fx.outputsDir)}`,
    '    max_files: 100',
    '    schedule:',
    '      every_hours: 1',
    ...(cache ? ['  - name: cache', `    path: ${JSON.stringify(fx.cacheDir)}`, '    max_age_days: 7'] : []),
    '',
  ].join('\n');

/** Lets the fake clock (a config file's settle time) and real I/O take turns until `check` holds. */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await check();
    if (value) return value;
    clock.advance(500);
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a pending disk edit under per-folder schedules (manual clock at the port)', () => {
  it("applies at the edited folder's own next run, not at another folder's earlier one", async () => {
    await writeFile(fx.configFile, configYaml(false));
    engine = await createEngine({
      dataDir: fx.dataDir,
      configFile: fx.configFile,
      live: true,
      clock,
      log: () => {},
    });
    const e = engine;
    await writeFile(fx.configFile, configYaml(true));

    const pending = await until('the pending change', async () => (await e.getSnapshot()).pendingRules);
    expect(pending.impact).toMatchObject({ files: CACHE_FILES, folders: [{ name: 'cache' }] });
    const { schedule } = await e.getSnapshot();
    const next = Object.fromEntries((schedule.folders ?? []).map((f) => [f.name, f.nextRunAt]));
    // The folders' runs differ, so the test tells them apart: outputs' comes first.
    expect(Date.parse(next.outputs!)).toBeLessThan(Date.parse(next.cache!));
    expect(schedule.nextRunAt).toBe(next.outputs);
    expect(pending.appliesAt).toBe(next.cache);
  });
});
