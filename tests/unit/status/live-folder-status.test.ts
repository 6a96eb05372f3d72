import { manualClock } from '../../support/manual-clock.js';
import { folderRules } from '../../support/folder-rules.js';
import { describe, expect, it } from 'vitest';
import type { FolderRules, FolderStatus } from '../../../shared/types.js';
import { MS_PER_MINUTE } from '../../../shared/units.js';
import { liveFolderStatus, type LiveSource } from '../../../electron/engine/status/live-folder-status.js';
import { VolumeCache } from '../../../electron/engine/status/volume-cache.js';
import { SizeHistory } from '../../../electron/engine/live/size-history.js';
import type { LiveStats } from '../../../electron/engine/live/live-types.js';

const settings = { warningThresholdPercent: 80, freeSpaceFloor: { percent: 5, bytes: null } };

const rules: FolderRules = folderRules({ maxSizeBytes: 1000, maxFiles: 10 });

function source(stats: Omit<LiveStats, 'watch'>, history: SizeHistory): LiveSource {
  return {
    rules,
    status: () => ({ ...stats, watch: { mode: 'watching', reason: null } }),
    sizeHistory: () => history.list(),
    filesOlderThan: () => 0,
  };
}

describe('liveFolderStatus (fake clock, fake volume reader port)', () => {
  it('combines live stats, level, volume and a forecast from the size history', async () => {
    const clock = manualClock();
    const history = new SizeHistory(MS_PER_MINUTE, 1440);
    for (let minute = 0; minute <= 10; minute++) history.record(minute * MS_PER_MINUTE, 400 + minute * 40);
    const reads: string[] = [];
    const volumes = new VolumeCache(clock, 5000, async (path) => {
      reads.push(path);
      return { freeBytes: 3, totalBytes: 100, low: true };
    });
    const stats = { exists: true, error: null, sizeBytes: 800, fileCount: 4, oldestMtimeMs: 0 };
    const status: FolderStatus = await liveFolderStatus(
      source(stats, history),
      settings,
      volumes,
      10 * MS_PER_MINUTE,
    );
    expect(status).toMatchObject({
      name: 'outputs',
      sizeBytes: 800,
      usage: { size: 80, count: 40, age: null },
      usagePercent: 80,
      level: 'warning',
      watch: { mode: 'watching', reason: null },
      volume: { freeBytes: 3, totalBytes: 100, low: true },
    });
    expect(status.fullInMs).toBeCloseTo(5 * MS_PER_MINUTE, -2); // 200 bytes left at 40 bytes a minute
    expect(reads).toEqual(['/data/outputs']);
  });

  it('forecasts from the size now, so a cleanup since the last sample silences "full in 0 s"', async () => {
    const clock = manualClock();
    const history = new SizeHistory(MS_PER_MINUTE, 1440);
    for (let minute = 0; minute <= 10; minute++) history.record(minute * MS_PER_MINUTE, 600 + minute * 40);
    const volumes = new VolumeCache(clock, 5000, async () => null);
    // The last sample (minute 10) was at 1000 bytes, the limit; a cleanup took the folder to 710 since.
    const stats = { exists: true, error: null, sizeBytes: 710, fileCount: 4, oldestMtimeMs: 0 };
    const status = await liveFolderStatus(source(stats, history), settings, volumes, 10.5 * MS_PER_MINUTE);
    expect(status.usagePercent).toBe(71);
    expect(status.fullInMs).toBeNull();
  });

  it('reads a volume at most once per TTL', async () => {
    const clock = manualClock();
    let reads = 0;
    const volumes = new VolumeCache(clock, 5000, async () => ({
      freeBytes: ++reads,
      totalBytes: 100,
      low: false,
    }));
    expect((await volumes.get('/v', settings.freeSpaceFloor))?.freeBytes).toBe(1);
    clock.advance(4999);
    expect((await volumes.get('/v', settings.freeSpaceFloor))?.freeBytes).toBe(1);
    clock.advance(1);
    expect((await volumes.get('/v', settings.freeSpaceFloor))?.freeBytes).toBe(2);
  });

  it('reports a missing folder as a warning (issue 12), without volume or forecast', async () => {
    const volumes = new VolumeCache(manualClock(), 5000, async () =>
      expect.fail('no statfs for a missing folder'),
    );
    const stats = { exists: false, error: null, sizeBytes: 0, fileCount: 0, oldestMtimeMs: null };
    const status = await liveFolderStatus(source(stats, new SizeHistory()), settings, volumes, 0);
    expect(status).toMatchObject({
      exists: false,
      usagePercent: 0,
      level: 'warning',
      volume: null,
      fullInMs: null,
    });
  });
});
