/**
 * Builds a folder's `FolderStatus` from its counted files and its rules. The one place that combines
 * usage, level, volume and forecast, used by the one-shot CLI and the live monitor alike.
 */
import { folderUsage, levelFor, type FolderStats } from '../../core/levels.js';
import type { FolderStatus, FolderRules, Level, WatchMode } from '../../../shared/types.js';

/**
 * What a scan or a live index knows about a folder: core's totals of its counted (non-excluded) files,
 * and whether it could be read at all.
 */
export interface FolderReading extends FolderStats {
  exists: boolean;
  error: string | null;
}

export interface StatusExtras {
  watch?: { mode: WatchMode; reason: string | null };
  volume?: FolderStatus['volume'];
  fullInMs?: number | null;
  /** Counted files past the age limit (ignored without one); 0 when absent. */
  filesPastMaxAge?: number | null;
  /** A model cache's source of last use (`FolderStatus.lastUseFrom`). */
  lastUseFrom?: FolderStatus['lastUseFrom'];
  /** A live folder's first-scan progress while that scan runs (`FolderStatus.scanning`). */
  scanning?: FolderStatus['scanning'];
}

export function buildFolderStatus(
  rules: FolderRules,
  stats: FolderReading,
  warningThresholdPercent: number,
  nowMs: number,
  extras: StatusExtras = {},
): FolderStatus {
  const limits = { maxSizeBytes: rules.maxSizeBytes, maxFiles: rules.maxFiles, maxAgeDays: rules.maxAgeDays };
  // In a model cache or manifest folder `max_files` counts units (revisions, tokens), which a file count
  // cannot tell: held against files it would read "over" and start emergency cleanups that plan nothing.
  // Planning applies it; the gauge leaves it out.
  const countable = rules.kind === 'files' ? limits : { ...limits, maxFiles: null };
  const { usage, usagePercent } = folderUsage(stats, countable, nowMs);
  return {
    name: rules.name,
    path: rules.path,
    enabled: rules.enabled,
    exists: stats.exists,
    error: stats.error,
    sizeBytes: stats.sizeBytes,
    fileCount: stats.fileCount,
    oldestMtimeMs: stats.oldestMtimeMs,
    limits,
    usage,
    usagePercent,
    level: rules.enabled ? folderLevel(stats, usagePercent, warningThresholdPercent) : 'ok',
    watch: extras.watch ?? { mode: 'off', reason: null },
    volume: extras.volume ?? null,
    fullInMs: extras.fullInMs ?? null,
    filesPastMaxAge: rules.maxAgeDays === null ? null : (extras.filesPastMaxAge ?? 0),
    emergency: null,
    scanning: extras.scanning ?? null,
    ...(extras.lastUseFrom ? { lastUseFrom: extras.lastUseFrom } : {}),
  };
}

/**
 * A folder that cannot be read (missing, unreadable) is at least a warning: its 0% says nothing about how
 * full it is, and it cannot be cleaned until someone acts.
 */
function folderLevel(stats: FolderReading, usagePercent: number, thresholdPercent: number): Level {
  const level = levelFor(usagePercent, thresholdPercent);
  if (level === 'ok' && (!stats.exists || stats.error !== null)) return 'warning';
  return level;
}
