/**
 * Emergency cleanups in the running engine, on real temp folders with real watchers, under a manual clock
 * (a fake at the Clock port) that follows real time and jumps where a test waits for minutes: the cooldown
 * and the grace period. Issue 12 item 2.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import type { FolderStatus, RunRecord } from '../../../shared/types.js';
import { MS_PER_MINUTE } from '../../../shared/units.js';
import { makeTempDir, writeFiles } from '../../support/make-tree.js';
import { manualClock, type ManualClock } from '../../support/manual-clock.js';

const FILE_BYTES = 104_857; // 0.1 MiB: 12 of them are 117% of 0.001 GB
let dir: string;
let cleanup: () => Promise<void>;
let engine: Engine | null = null;
let clock: ManualClock;
/** How far the fake clock has been jumped ahead of real time. */
let skewMs = 0;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-emergency-'));
  skewMs = 0;
  clock = manualClock(Date.now());
});
afterEach(async () => {
  await engine?.dispose();
  engine = null;
  await cleanup();
});

async function start(folderLines: string[]): Promise<{ runs: RunRecord[] }> {
  await mkdir(join(dir, 'outputs'));
  const configFile = join(dir, 'config.yaml');
  const lines = ['cleanup_on_startup: false', 'cleanup_interval_hours: 0', 'folders:', '  - name: outputs'];
  await writeFile(configFile, [...lines, '    path: ./outputs', ...folderLines].join('\n') + '\n');
  engine = await createEngine({ dataDir: join(dir, 'data'), configFile, live: true, clock, log: () => {} });
  const runs: RunRecord[] = [];
  engine.on('cleanupFinished', (record) => runs.push(record));
  return { runs };
}

/** Lets real time pass, moving the fake clock with it, until `done` holds. */
async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const endMs = Date.now() + timeoutMs;
  for (;;) {
    clock.advance(Math.max(0, Date.now() + skewMs - clock.now()));
    if (await done()) return;
    if (Date.now() > endMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Jumps the fake clock ahead (timers due on the way fire, in order). */
function jump(ms: number): void {
  skewMs += ms;
  clock.advance(ms);
}

async function outputs(): Promise<FolderStatus> {
  const folder = (await engine!.getSnapshot()).folders.find((f) => f.name === 'outputs');
  if (!folder) throw new Error('no outputs folder in the snapshot');
  return folder;
}

const files = (from: number, count: number, ageMinutes: (i: number) => number) =>
  Array.from({ length: count }, (_, i) => ({
    path: `take-${from + i}.wav`,
    sizeBytes: FILE_BYTES,
    ageMs: ageMinutes(i) * MS_PER_MINUTE,
  }));

describe('emergency cleanups (real engine and folders, manual clock port)', () => {
  it('cleans a folder each time it crosses: 117% → cleaned to 78% → rises to 127% → cleaned again', async () => {
    const { runs } = await start(['    max_size_gb: 0.001', '    min_age_minutes: 0']);
    await writeFiles(
      join(dir, 'outputs'),
      files(0, 12, (i) => 60 - i),
    );
    await until('the first emergency cleanup', () => runs.length === 1);
    expect(runs[0]).toMatchObject({ trigger: 'emergency', filesRemoved: 4 });
    await until('usage at 78%', async () => Math.round((await outputs()).usagePercent) === 78);

    await writeFiles(
      join(dir, 'outputs'),
      files(12, 5, (i) => 5 - i),
    );
    await until('usage at 127%', async () => Math.round((await outputs()).usagePercent) === 127);
    // Crossed again within 10 minutes of the first: the status says when the next attempt comes, once the
    // watch has read the new usage (it reads the snapshots the runtime pushes, which a getSnapshot can beat).
    await until('the emergency status', async () => (await outputs()).emergency != null);
    const waiting = (await outputs()).emergency;
    expect(waiting?.reason).toContain('at least 10 minutes apart');
    // 10 minutes after the first emergency was started (a moment before its record's start).
    const tenAfterStartMs = Date.parse(runs[0]!.startedAt) + 10 * MS_PER_MINUTE;
    expect(waiting?.nextAttemptAtMs).toBeLessThanOrEqual(tenAfterStartMs);
    expect(waiting?.nextAttemptAtMs).toBeGreaterThan(tenAfterStartMs - 5000);

    jump(10 * MS_PER_MINUTE);
    await until('the second emergency cleanup', () => runs.length === 2);
    expect(runs[1]).toMatchObject({ trigger: 'emergency', filesRemoved: 5 });
    await until('the folder back under its limit', async () => (await outputs()).usagePercent < 100);
    expect((await outputs()).emergency).toBeNull();
  });

  it('an emergency blocked by young files is tried again when the youngest passes the grace period', async () => {
    const { runs } = await start(['    max_files: 10', '    min_age_minutes: 10']);
    await writeFiles(
      join(dir, 'outputs'),
      files(0, 12, () => 0),
      clock.now(),
    );
    await until('the blocked emergency cleanup', () => runs.length === 1);
    expect(runs[0]).toMatchObject({ trigger: 'emergency', filesRemoved: 0 });
    await until('the status to say why', async () => (await outputs()).emergency?.nextAttemptAtMs != null);
    const blocked = (await outputs()).emergency!;
    expect(blocked.reason).toContain('younger than 10 min');
    // The youngest file was written at about the fake clock's now: its grace period ends 10 minutes on.
    expect(blocked.nextAttemptAtMs).toBeGreaterThan(clock.now() + 9 * MS_PER_MINUTE);
    expect(blocked.nextAttemptAtMs).toBeLessThanOrEqual(clock.now() + 10 * MS_PER_MINUTE);

    // Nothing happens before the youngest file passes the grace period...
    jump(blocked.nextAttemptAtMs! - clock.now() - 1000);
    expect(runs).toHaveLength(1);
    // ...and at that moment the timer (no polling) runs the emergency again, which may now remove them.
    jump(1000);
    await until('the retried emergency cleanup', () => runs.length === 2);
    expect(runs[1]).toMatchObject({ trigger: 'emergency', filesRemoved: 2 });
    await until('the folder back at its limit', async () => (await outputs()).fileCount === 10);
    expect((await outputs()).emergency).toBeNull();
  });
});
