/**
 * Response bodies of the Chatterbox-compatible `/api/v1/...` endpoints. Field names follow Chatterbox TTS
 * Extended Plus (`management/resource_manager.py`, `management/cleanup_scheduler.py`, `main_api.py`):
 * `directories.<name>.size_bytes|size_mb|max_size_mb|max_files|usage_percent|file_count`, `warnings` as
 * sentences, cleanup summaries with `timestamp|start_time|end_time|duration_seconds|total_files_removed|
 * total_bytes_freed|actions`, and `scheduler.running|cleanup_on_startup|cleanup_interval_hours|
 * last_cleanup_time|next_cleanup_time|cleanup_count`. Headroom adds what it knows beyond that (levels,
 * age limits, errors) under extra keys, and answers `status` as ok | warning | critical.
 */
import { folderProblem } from '../../../shared/folder-problem.js';
import type { FolderStatus, Level, RunRecord, ScheduleStatus, Snapshot } from '../../../shared/types.js';
import { formatPercent, scheduleText } from '../../../shared/format.js';
import { MS_PER_DAY } from '../../../shared/units.js';

const MB = 1024 * 1024;
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** GET /api/v1/resources */
export function resourcesView(snapshot: Snapshot) {
  const directories = Object.fromEntries(snapshot.folders.map((f) => [f.name, directoryView(f, snapshot)]));
  return {
    timestamp: new Date(snapshot.takenAtMs).toISOString(),
    directories,
    warnings: warningLines(snapshot),
  };
}

function directoryView(f: FolderStatus, snapshot: Snapshot) {
  const { maxSizeBytes, maxFiles, maxAgeDays } = f.limits;
  return {
    path: f.path,
    size_bytes: f.sizeBytes,
    size_mb: round2(f.sizeBytes / MB),
    max_size_mb: maxSizeBytes === null ? null : round2(maxSizeBytes / MB),
    file_count: f.fileCount,
    max_files: maxFiles,
    max_age_days: maxAgeDays,
    oldest_file_age_days:
      f.oldestMtimeMs === null ? null : round2((snapshot.takenAtMs - f.oldestMtimeMs) / MS_PER_DAY),
    files_past_max_age: f.filesPastMaxAge,
    usage_percent: round2(f.usagePercent),
    level: f.level,
    enabled: f.enabled,
    exists: f.exists,
    error: f.error,
    // Set while the first scan runs: the sizes above are not known yet (0), these are counted so far.
    scanning: f.scanning
      ? { files_so_far: f.scanning.filesSoFar, bytes_so_far: f.scanning.bytesSoFar }
      : null,
  };
}

/** One sentence per folder at or over the warning threshold, and one per configuration problem. */
function warningLines(snapshot: Snapshot): string[] {
  const lines = snapshot.folders
    .filter((f) => f.enabled && (f.level !== 'ok' || folderProblem(f) !== null))
    .map((f) => folderProblem(f) ?? `${f.name} is using ${formatPercent(f.usagePercent)} of its limit`);
  const issues = snapshot.configError?.issues ?? [];
  return [...lines, ...issues.map((issue) => `config: ${issue.message}`)];
}

const HEALTH_STATUS: Record<Level, 'ok' | 'warning' | 'critical'> = {
  ok: 'ok',
  warning: 'warning',
  over: 'critical',
};

/** GET /api/v1/health */
export function healthView(snapshot: Snapshot, version: string, uptimeMs: number) {
  const resources = resourcesView(snapshot);
  const level = HEALTH_STATUS[snapshot.level];
  const status = level === 'ok' && resources.warnings.length > 0 ? 'warning' : level;
  return {
    status,
    version,
    uptime_seconds: Math.round(uptimeMs / 1000),
    warnings: resources.warnings,
    folders: snapshot.folders.map((f) => ({
      name: f.name,
      level: f.level,
      usage_percent: round2(f.usagePercent),
      scanning: Boolean(f.scanning),
    })),
    resource_status: resources,
  };
}

/** A run as Chatterbox's cleanup summary (POST /api/v1/cleanup and the status history). */
export function cleanupSummaryView(run: RunRecord) {
  const startMs = Date.parse(run.startedAt);
  const endMs = run.finishedAt === null ? null : Date.parse(run.finishedAt);
  return {
    id: run.id,
    timestamp: run.startedAt,
    start_time: run.startedAt,
    end_time: run.finishedAt,
    duration_seconds: endMs === null ? null : round2((endMs - startMs) / 1000),
    status: run.status,
    trigger: run.trigger,
    dry_run: run.dryRun,
    forced: run.trigger === 'manual',
    total_files_removed: run.filesRemoved,
    total_bytes_freed: run.bytesFreed,
    total_bytes_removed: run.folders.reduce((sum, f) => sum + (f.bytesRemoved ?? f.bytesFreed), 0),
    actions: Object.fromEntries(
      run.folders.map((f) => [
        f.name,
        {
          files_removed: f.filesRemoved,
          bytes_freed: f.bytesFreed,
          bytes_removed: f.bytesRemoved ?? f.bytesFreed,
          bytes_trashed: f.bytesTrashed ?? 0,
          errors: f.errors.length,
        },
      ]),
    ),
  };
}

/** Chatterbox keeps its last 10 runs and shows the last 5, oldest first. */
export const STATUS_HISTORY_RUNS = 5;

/**
 * GET /api/v1/cleanup/status. `recentRuns` are newest first (as the history store lists them); Chatterbox's
 * `running` means "the scheduler is active", so it is false while paused, and `cleaning` says whether a run
 * is in progress.
 */
export function cleanupStatusView(
  snapshot: Snapshot,
  cleanupOnStartup: boolean,
  recentRuns: RunRecord[],
  /** Every real run ever (the cumulative totals), not only the recent ones listed. */
  cleanupCount: number,
) {
  const { schedule } = snapshot;
  return {
    scheduler: {
      running: schedule.pausedUntil === null && schedule.stopped !== true,
      stopped: schedule.stopped === true,
      cleaning: schedule.running,
      cleanup_on_startup: cleanupOnStartup,
      // Chatterbox's own spelling of "off" is 0; next_cleanup_time is then null. A schedule by the clock
      // is reported as its period (24 or 168 h), with `schedule` saying when.
      cleanup_interval_hours:
        schedule.intervalHours ?? (schedule.at ? (schedule.at.weekday === null ? 24 : 168) : 0),
      schedule: scheduleText(schedule),
      // Chatterbox counts forced runs too: the newest real run in the history, else the schedule's.
      last_cleanup_time: recentRuns.find((run) => !run.dryRun)?.startedAt ?? schedule.lastRunAt,
      next_cleanup_time: schedule.nextRunAt,
      paused_until: schedule.pausedUntil,
      cleanup_count: cleanupCount,
      folders: folderSchedulesView(schedule),
    },
    history: recentRuns.slice(0, STATUS_HISTORY_RUNS).reverse().map(cleanupSummaryView),
  };
}

/** Each folder's schedule and next run (`own`: its own `schedule:` rather than the global one). */
export function folderSchedulesView(schedule: ScheduleStatus) {
  return (schedule.folders ?? []).map((f) => ({
    name: f.name,
    own: f.own,
    schedule: schedule.stopped === true ? 'stopped' : scheduleText(f),
    next_cleanup_time: f.nextRunAt,
  }));
}
