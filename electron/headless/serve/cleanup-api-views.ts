/**
 * Response bodies of the seed-002 cleanup service's endpoints (`/api/cleanup/...`): cumulative metrics
 * (`files_cleaned`, `bytes_freed`, `errors`, `last_cleanup`, `last_error`, `storage_size`,
 * `storage_limit`, `retention_hours` where a folder has one) and the scheduler's state, under that
 * service's field names. Bytes are bytes; times are ISO 8601.
 */
import type { ConfigView } from '../../../shared/bridge.js';
import { scheduleText } from '../../../shared/format.js';
import type { RunRecord, ScheduleStatus, Snapshot } from '../../../shared/types.js';
import type { CleanupTotalsData } from '../../engine/history/cleanup-totals.js';
import { cleanupSummaryView, folderSchedulesView } from './v1-views.js';

/** GET /api/cleanup/schedule/status, and the answer of start and stop. */
export function scheduleView(schedule: ScheduleStatus, nowMs: number) {
  const stopped = schedule.stopped === true;
  const paused = schedule.pausedUntil !== null && Date.parse(schedule.pausedUntil) > nowMs;
  const off = schedule.intervalHours === null && !schedule.at;
  return {
    // The seed's `running`: automatic cleanup will happen (not stopped, not paused, not turned off).
    running: !stopped && !paused && !off,
    stopped,
    paused_until: schedule.pausedUntil,
    schedule: stopped ? 'stopped' : scheduleText(schedule),
    cleanup_interval_hours: schedule.intervalHours ?? 0,
    next_cleanup_time: schedule.nextRunAt,
    last_cleanup_time: schedule.lastRunAt,
    cleaning: schedule.running,
    folders: folderSchedulesView(schedule),
  };
}

/** GET /api/cleanup/metrics */
export function metricsView(totals: CleanupTotalsData, snapshot: Snapshot, config: ConfigView) {
  const enabled = snapshot.folders.filter((f) => f.enabled);
  const limits = enabled.map((f) => f.limits.maxSizeBytes);
  const manifests = config.folders.filter((c) => c.kind === 'manifest');
  const folders = Object.fromEntries(
    snapshot.folders.map((f) => {
      const counted = totals.folders[f.name] ?? { filesRemoved: 0, bytesFreed: 0, errors: 0 };
      const configured = config.folders.find((c) => c.name === f.name);
      const retention = configured?.retention_hours;
      return [
        f.name,
        {
          files_cleaned: counted.filesRemoved,
          bytes_freed: counted.bytesFreed,
          errors: counted.errors,
          storage_size: f.sizeBytes,
          storage_limit: f.limits.maxSizeBytes,
          file_count: f.fileCount,
          file_limit: f.limits.maxFiles,
          usage_percent: Math.round(f.usagePercent * 100) / 100,
          ...(retention === undefined ? {} : { retention_hours: retention }),
          ...(configured?.kind === 'manifest' ? { tokens_cleaned: counted.unitsRemoved ?? 0 } : {}),
        },
      ];
    }),
  );
  return {
    files_cleaned: totals.filesRemoved,
    bytes_freed: totals.bytesFreed,
    errors: totals.errors,
    cleanup_runs: totals.runs,
    last_cleanup: totals.lastCleanupAt,
    last_error: totals.lastError?.message ?? null,
    last_error_time: totals.lastError?.at ?? null,
    storage_size: enabled.reduce((sum, f) => sum + f.sizeBytes, 0),
    // A total limit only when every enabled folder has a size limit; otherwise there is none to add up.
    storage_limit:
      limits.length > 0 && limits.every((l) => l !== null)
        ? limits.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)
        : null,
    // A manifest folder's unit is a token: the seed's count of tokens cleaned, where there are such folders.
    ...(manifests.length > 0
      ? { tokens_cleaned: manifests.reduce((sum, c) => sum + (totals.folders[c.name]?.unitsRemoved ?? 0), 0) }
      : {}),
    folders,
    scheduler: scheduleView(snapshot.schedule, snapshot.takenAtMs),
  };
}

/** POST /api/cleanup/manual: the run, with the seed's totals of that run in front. */
export function manualRunView(run: RunRecord) {
  const errors = run.folders.reduce((sum, f) => sum + f.errors.length + (f.omitted?.errors ?? 0), 0);
  return {
    success: run.status === 'completed',
    files_cleaned: run.filesRemoved,
    bytes_freed: run.bytesFreed,
    errors,
    ...cleanupSummaryView(run),
  };
}
