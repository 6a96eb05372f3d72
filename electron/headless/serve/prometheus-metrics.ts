/**
 * What `GET /metrics` reports, built from a snapshot and the cumulative totals: per folder its size,
 * files, limits, usage and level, the free space of its volume, and the counters of what cleanups
 * removed; runs by trigger and status; the next scheduled run. Counters come from cleanup-totals.json,
 * so they only grow, across restarts and history compaction, as Prometheus expects of a counter.
 */
import type { Level, Snapshot } from '../../../shared/types.js';
import type { CleanupTotalsData } from '../../engine/history/cleanup-totals.js';
import type { Family, Sample } from './prometheus-text.js';

const LEVEL_VALUE: Record<Level, number> = { ok: 0, warning: 1, over: 2 };

export function prometheusFamilies(snapshot: Snapshot, totals: CleanupTotalsData): Family[] {
  const folders = snapshot.folders.filter((f) => f.enabled);
  const per = (value: (f: (typeof folders)[number]) => number | null | undefined): Sample[] =>
    folders.flatMap((f) => {
      const v = value(f);
      return v === null || v === undefined ? [] : [{ labels: { folder: f.name }, value: v }];
    });
  const counted = (name: string) => totals.folders[name] ?? { filesRemoved: 0, bytesFreed: 0, errors: 0 };
  const gauge = (name: string, help: string, samples: Sample[]): Family => ({
    name,
    help,
    type: 'gauge',
    samples,
  });
  const counter = (name: string, help: string, samples: Sample[]): Family => ({
    name,
    help,
    type: 'counter',
    samples,
  });
  const next = snapshot.schedule.nextRunAt === null ? null : Date.parse(snapshot.schedule.nextRunAt) / 1000;
  return [
    gauge(
      'headroom_folder_bytes',
      'Bytes of the files a managed folder holds.',
      per((f) => f.sizeBytes),
    ),
    gauge(
      'headroom_folder_files',
      'Files a managed folder holds.',
      per((f) => f.fileCount),
    ),
    gauge(
      'headroom_folder_limit_bytes',
      'The folder size limit (max_size_gb) in bytes.',
      per((f) => f.limits.maxSizeBytes),
    ),
    gauge(
      'headroom_folder_limit_files',
      'The folder file-count limit (max_files).',
      per((f) => f.limits.maxFiles),
    ),
    gauge(
      'headroom_folder_usage_ratio',
      'Highest use of any capacity limit, 1 = at the limit.',
      per((f) => f.usagePercent / 100),
    ),
    gauge(
      'headroom_folder_level',
      'Level of the folder: 0 ok, 1 warning, 2 over.',
      per((f) => LEVEL_VALUE[f.level]),
    ),
    gauge(
      'headroom_volume_free_bytes',
      "Free bytes on the folder's volume.",
      per((f) => f.volume?.freeBytes),
    ),
    counter(
      'headroom_cleanup_runs_total',
      'Cleanup runs that ended, by what started them and how they ended.',
      Object.entries(totals.runsBy).map(([key, value]) => {
        const [trigger = '', status = ''] = key.split(':');
        return { labels: { trigger, status }, value };
      }),
    ),
    counter(
      'headroom_files_removed_total',
      'Files cleanups removed from the folder.',
      per((f) => counted(f.name).filesRemoved),
    ),
    counter(
      'headroom_bytes_freed_total',
      'Bytes cleanups freed in the folder.',
      per((f) => counted(f.name).bytesFreed),
    ),
    counter(
      'headroom_cleanup_errors_total',
      'Files cleanups failed to remove from the folder.',
      per((f) => counted(f.name).errors),
    ),
    gauge(
      'headroom_next_cleanup_timestamp_seconds',
      'When the next scheduled cleanup of any folder is due (Unix time); absent while scheduled cleanup is off or stopped.',
      next === null ? [] : [{ value: next }],
    ),
    gauge(
      'headroom_folder_next_cleanup_timestamp_seconds',
      "When the folder's next scheduled cleanup is due (Unix time; its own schedule or the global one).",
      (snapshot.schedule.folders ?? []).flatMap((f) =>
        f.nextRunAt === null ? [] : [{ labels: { folder: f.name }, value: Date.parse(f.nextRunAt) / 1000 }],
      ),
    ),
  ];
}
