/**
 * The low-disk trigger's timing and grouping, with a fake clock and a fake volume probe at their ports:
 * volumes are read on a timer whatever happens in the folders, one cleanup per low volume with the
 * folders on it, a cooldown after it, a longer one while cleanups there free nothing, and nothing with
 * on_low_disk: warn.
 */
import { describe, expect, it } from 'vitest';
import { LowDiskGuard, type VolumeReading } from '../../../electron/engine/status/low-disk-guard.js';
import type { AppConfig } from '../../../shared/types.js';
import { folderRules } from '../../support/folder-rules.js';
import { manualClock } from '../../support/manual-clock.js';
import { appConfig } from '../../support/app-config.js';

const GB = 1024 ** 3;
const MINUTE = 60_000;

function config(over: Partial<AppConfig> = {}): AppConfig {
  return appConfig({
    folders: [
      folderRules({ name: 'outputs', path: '/vol-a/outputs', maxSizeBytes: GB }),
      folderRules({ name: 'temp', path: '/vol-a/temp', maxFiles: 10 }),
      folderRules({ name: 'models', path: '/vol-b/models', maxSizeBytes: GB }),
      folderRules({ name: 'off', path: '/vol-a/off', maxFiles: 1, enabled: false }),
    ],
    ...over,
  });
}

function setup(cfg: AppConfig, freeOf: Record<string, number>, freedBytes = 1) {
  const clock = manualClock(0);
  const runs: string[][] = [];
  const probe = async (path: string): Promise<VolumeReading | null> => {
    const volume = path.split('/')[1] as string;
    const dev = volume === 'vol-a' ? 1 : 2;
    return { dev, freeBytes: (freeOf[volume] ?? 50) * GB, totalBytes: 100 * GB };
  };
  const guard = new LowDiskGuard({
    clock,
    config: () => cfg,
    probe,
    onLow: async (folders) => {
      runs.push(folders);
      return freedBytes;
    },
  });
  return { clock, guard, runs };
}

/** Lets the guard's check (started by a timer) finish its awaits. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('LowDiskGuard (fake clock and volume probe at their ports)', () => {
  it('checks every 30 s and cleans the enabled folders of the low volume only, then waits 10 minutes', async () => {
    const freeOf = { 'vol-a': 3, 'vol-b': 50 };
    const { clock, guard, runs } = setup(config(), freeOf);
    guard.start();
    clock.advance(29_000);
    await settle();
    expect(runs).toEqual([]);
    clock.advance(1_000);
    await settle();
    expect(runs).toEqual([['outputs', 'temp']]);
    for (let i = 0; i < 19; i++) {
      clock.advance(30_000);
      await settle();
    }
    expect(runs).toHaveLength(1);
    clock.advance(30_000);
    await settle();
    expect(runs).toHaveLength(2);
    guard.dispose();
  });

  it('a byte floor counts too; a volume back above the floor starts afresh', async () => {
    const freeOf = { 'vol-a': 50, 'vol-b': 8 };
    const { guard, runs } = setup(config({ freeSpaceFloorBytes: 10 * GB }), freeOf);
    await guard.check();
    expect(runs).toEqual([['models']]);
    freeOf['vol-b'] = 50;
    await guard.check();
    freeOf['vol-b'] = 8;
    await guard.check();
    expect(runs).toEqual([['models'], ['models']]);
  });

  it('while cleanups free nothing, waits twice as long each time', async () => {
    const { clock, guard, runs } = setup(config(), { 'vol-a': 1 }, 0);
    const times: number[] = [];
    for (let minute = 0; minute <= 80; minute++) {
      const before = runs.length;
      await guard.check();
      if (runs.length > before) times.push(clock.now() / MINUTE);
      clock.advance(MINUTE);
    }
    expect(times).toEqual([0, 10, 30, 70]);
  });

  it('with on_low_disk: warn, never cleans', async () => {
    const { guard, runs } = setup(config({ onLowDisk: 'warn' }), { 'vol-a': 1 });
    await guard.check();
    expect(runs).toEqual([]);
  });
});
