/** Assembles the full `FolderStatus` of a live folder: its own stats, usage and level, volume, forecast. */
import type { FolderRules, FolderStatus } from '../../../shared/types.js';
import { forecastFullInMs, type SizeSample } from '../../core/forecast.js';
import type { LiveStats } from '../live/live-types.js';
import { buildFolderStatus } from '../status/build-folder-status.js';
import type { MonitorSettings } from './monitor.js';
import type { VolumeCache } from './volume-cache.js';

/** What the status needs from a live folder (a `LiveFolder` is one). */
export interface LiveSource {
  readonly rules: FolderRules;
  status(nowMs: number): LiveStats;
  sizeHistory(): readonly SizeSample[];
}

export async function liveFolderStatus(
  source: LiveSource,
  settings: MonitorSettings,
  volumes: VolumeCache,
  nowMs: number,
): Promise<FolderStatus> {
  const live = source.status(nowMs);
  const volume = live.exists ? await volumes.get(source.rules.path, settings.freeSpaceFloorPercent) : null;
  const fullInMs = live.exists ? forecastFullInMs(source.sizeHistory(), source.rules.maxSizeBytes) : null;
  return buildFolderStatus(source.rules, live, settings.warningThresholdPercent, nowMs, {
    watch: live.watch,
    volume,
    fullInMs,
  });
}
