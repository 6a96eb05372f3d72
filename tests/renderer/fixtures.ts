/** Plain contract data for the renderer tests: a snapshot, a folder, a run, a config view. */
import type { ConfigView } from '../../shared/bridge.js';
import type { FolderStatus, RunRecord, Snapshot } from '../../shared/types.js';
import { BYTES_PER_GB, MS_PER_DAY } from '../../shared/units.js';

export const NOW_MS = Date.UTC(2025, 2, 12, 12, 0, 0);

export function folderStatus(overrides: Partial<FolderStatus> = {}): FolderStatus {
  return {
    name: 'outputs',
    path: '/home/me/chatterbox/outputs',
    enabled: true,
    exists: true,
    error: null,
    sizeBytes: 4.1 * BYTES_PER_GB,
    fileCount: 150,
    oldestMtimeMs: NOW_MS - 3 * MS_PER_DAY,
    limits: { maxSizeBytes: 5 * BYTES_PER_GB, maxFiles: 200, maxAgeDays: 7 },
    usage: { size: 82, count: 75, age: (3 / 7) * 100 },
    usagePercent: 82,
    level: 'warning',
    watch: { mode: 'watching', reason: null },
    volume: { freeBytes: 120 * BYTES_PER_GB, totalBytes: 500 * BYTES_PER_GB, low: false },
    fullInMs: 2 * MS_PER_DAY,
    filesPastMaxAge: 0,
    emergency: null,
    ...overrides,
  };
}

export function snapshot(
  folders: FolderStatus[] = [folderStatus()],
  overrides: Partial<Snapshot> = {},
): Snapshot {
  return {
    takenAtMs: NOW_MS,
    folders,
    maxUsagePercent: Math.max(0, ...folders.map((f) => f.usagePercent)),
    level: 'warning',
    warningThresholdPercent: 80,
    cleaning: false,
    schedule: {
      intervalHours: 5,
      lastRunAt: new Date(NOW_MS - 2 * 3_600_000).toISOString(),
      nextRunAt: new Date(NOW_MS + 3 * 3_600_000).toISOString(),
      pausedUntil: null,
      running: false,
    },
    configError: null,
    ...overrides,
  };
}

export function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run-1',
    trigger: 'manual',
    dryRun: false,
    startedAt: new Date(NOW_MS - 3_600_000).toISOString(),
    finishedAt: new Date(NOW_MS - 3_590_000).toISOString(),
    status: 'completed_with_errors',
    folders: [
      {
        name: 'outputs',
        removed: [
          { path: 'old/take-001.wav', sizeBytes: 2 * 1024 ** 2, reason: 'size' },
          { path: 'take-002.wav', sizeBytes: 3 * 1024 ** 2, reason: 'age' },
        ],
        skipped: [
          { path: 'take-003.wav', why: 'changed', detail: 'size changed from 10 B to 12 B after planning' },
        ],
        errors: [{ path: 'locked.wav', code: 'EBUSY', message: 'resource busy or locked' }],
        filesRemoved: 2,
        bytesFreed: 5 * 1024 ** 2,
        removedDirs: ['old'],
        overLimitAfter: false,
        notes: [],
      },
    ],
    filesRemoved: 2,
    bytesFreed: 5 * 1024 ** 2,
    ...overrides,
  };
}

export function configView(overrides: Partial<ConfigView> = {}): ConfigView {
  return {
    source: { file: 'config.yaml', kind: 'headroom' },
    settings: {
      warning_threshold_percent: 80,
      emergency_threshold_percent: 100,
      cleanup_on_startup: true,
      cleanup_interval_hours: 5,
      free_space_floor_percent: 5,
      poll_interval_seconds: 60,
      notifications: true,
      start_at_login: false,
    },
    folders: [
      { name: 'outputs', path: '~/chatterbox/outputs', max_size_gb: 5 },
      { name: 'temp', path: '~/chatterbox/temp', max_files: 200, max_age_days: 7 },
    ],
    text: 'folders: []\n',
    error: null,
    foldersEditable: true,
    missingFolders: [],
    ...overrides,
  };
}
