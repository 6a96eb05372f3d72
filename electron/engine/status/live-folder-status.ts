/** Assembles the full `FolderStatus` of a live folder: its own stats, usage and level, volume, forecast. */
import type { FolderRules, FolderStatus } from '../../../shared/types.js';
import { forecastFullInMs, type SizeSample } from '../../core/forecast.js';
import { maxAgeCutoffMs } from '../../core/levels.js';
import type { LiveStats } from '../live/live-types.js';
import { buildFolderStatus } from './build-folder-status.js';
import type { MonitorSettings } from './monitor.js';
import type { VolumeCache } from './volume-cache.js';

/** What the status needs from a live folder (a `LiveFolder` is one). */
export interface LiveSource {
  readonly rules: FolderRules;
  status(nowMs: number): LiveStats;
  sizeHistory(): readonly SizeSample[];
  /** Counted files modified before `cutoffMs`. */
  filesOlderThan(cutoffMs: number): number;
}

export async function liveFolderStatus(
  source: LiveSource,
  settings: MonitorSettings,
  volumes: VolumeCache,
  nowMs: number,
): Promise<FolderStatus> {
  const live = source.status(nowMs);
  const volume = live.exists ? await volumes.get(source.rules.path, settings.freeSpaceFloor) : null;
  const fullInMs = live.exists
    ? forecastFullInMs(withSizeNow(source.sizeHistory(), nowMs, live.sizeBytes), source.rules.maxSizeBytes)
    : null;
  const { maxAgeDays } = source.rules;
  const filesPastMaxAge =
    maxAgeDays === null ? null : source.filesOlderThan(maxAgeCutoffMs(maxAgeDays, nowMs));
  return buildFolderStatus(source.rules, live, settings.warningThresholdPercent, nowMs, {
    watch: live.watch,
    volume,
    fullInMs,
    filesPastMaxAge,
    scanning: live.scanning ?? null,
  });
}

/**
 * The history plus the size now: samples come once a minute, and a cleanup since the last one must reach the
 * forecast at once, or it would go on extrapolating (or saying "full now" from) the size before it.
 */
function withSizeNow(history: readonly SizeSample[], nowMs: number, sizeBytes: number): SizeSample[] {
  const last = history[history.length - 1];
  if (last !== undefined && last.atMs >= nowMs) return [...history];
  return [...history, { atMs: nowMs, sizeBytes }];
}
