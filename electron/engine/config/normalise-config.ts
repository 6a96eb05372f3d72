/** Turns a validated config file (snake_case, GB, `~`, relative paths) into the engine's `AppConfig`. */
import path from 'node:path';
import {
  CONFIG_DEFAULTS,
  type ConfigFile,
  type FolderConfig,
  type ScheduleConfig,
  type SettingsConfig,
  WEEKDAY_NAMES,
} from '../../../shared/config-schema.js';
import type { AppConfig, ClockSchedule, FolderRules, FolderSchedule } from '../../../shared/types.js';
import { gbToBytes } from '../../../shared/units.js';

export interface PathContext {
  /** The folder holding the config file: relative folder paths resolve against it. */
  configDir: string;
  home: string;
}

/**
 * An absolute, normalised path. Only `~` and `~/…` name the home folder (`~user` is left alone, as a
 * shell would not expand it inside a YAML string either); relative paths resolve against the config
 * file's folder, not the process's working directory, so the meaning of a file does not depend on where
 * Headroom was started.
 */
export function expandPath(raw: string, ctx: PathContext): string {
  if (raw === '~') return path.resolve(ctx.home);
  if (raw.startsWith('~/') || (path.sep === '\\' && raw.startsWith('~\\'))) {
    return path.resolve(ctx.home, raw.slice(2));
  }
  return path.resolve(ctx.configDir, raw);
}

/**
 * Whether a folder's globs match case-sensitively when its config does not say: as the platform's usual
 * filesystem does (Linux volumes are case-sensitive; default macOS (APFS) and Windows (NTFS) volumes are not).
 */
export function defaultCaseSensitiveGlobs(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'darwin' && platform !== 'win32';
}

/** One folder's rules, with limits in bytes/files/days and every default filled in. */
export function normaliseFolder(folder: FolderConfig, ctx: PathContext): FolderRules {
  const root = expandPath(folder.path, ctx);
  return {
    name: folder.name,
    path: root,
    maxSizeBytes: folder.max_size_gb === undefined ? null : gbToBytes(folder.max_size_gb),
    maxFiles: folder.max_files ?? null,
    maxAgeDays: folder.max_age_days ?? null,
    minAgeMinutes: folder.min_age_minutes ?? CONFIG_DEFAULTS.min_age_minutes,
    sizeTargetPercent: folder.size_target_percent ?? CONFIG_DEFAULTS.size_target_percent,
    exclude: folder.exclude ?? [],
    protect: folder.protect ?? [],
    action: folder.action ?? CONFIG_DEFAULTS.action,
    enabled: folder.enabled ?? CONFIG_DEFAULTS.enabled,
    caseSensitiveGlobs: folder.case_sensitive_globs ?? defaultCaseSensitiveGlobs(),
    ...(folder.emergency_threshold_percent === undefined
      ? {}
      : { emergencyThresholdPercent: folder.emergency_threshold_percent }),
    ...(folder.schedule === undefined ? {} : { schedule: folderSchedule(folder.schedule) }),
    ...kindRules(folder, root),
  };
}

/** The kind and its own keys; a manifest file named relatively lives in the folder itself. */
function kindRules(
  folder: FolderConfig,
  root: string,
): Pick<FolderRules, 'kind' | 'manifestFile' | 'retentionHours'> {
  const kind = folder.kind ?? CONFIG_DEFAULTS.kind;
  if (kind !== 'manifest') return { kind, manifestFile: null, retentionHours: null };
  return {
    kind,
    manifestFile: path.resolve(root, folder.manifest_file ?? CONFIG_DEFAULTS.manifest_file),
    retentionHours: folder.retention_hours ?? CONFIG_DEFAULTS.retention_hours,
  };
}

/** "3:05" → 185. The schema has checked the form. */
function minuteOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours as number) * 60 + (minutes as number);
}

/** `schedule:` as the scheduler reads it: hours between runs (null: off or by the clock), or a local time. */
function scheduleOf(
  schedule: ScheduleConfig | undefined,
  intervalHours: number,
): { cleanupIntervalHours: number | null; scheduleAt: ClockSchedule | null } {
  if (schedule?.daily_at !== undefined) {
    return {
      cleanupIntervalHours: null,
      scheduleAt: { minuteOfDay: minuteOfDay(schedule.daily_at), weekday: null },
    };
  }
  if (schedule?.weekly !== undefined) {
    const weekday = WEEKDAY_NAMES.indexOf(schedule.weekly.day);
    return {
      cleanupIntervalHours: null,
      scheduleAt: { minuteOfDay: minuteOfDay(schedule.weekly.at), weekday },
    };
  }
  const hours = schedule?.every_hours ?? intervalHours;
  // 0 means scheduled cleanup off (Chatterbox's meaning, and Headroom's).
  return { cleanupIntervalHours: hours === 0 ? null : hours, scheduleAt: null };
}

/** A folder's own `schedule:` (every_hours: 0 turns that folder's scheduled cleanup off). */
function folderSchedule(schedule: ScheduleConfig): FolderSchedule {
  const { cleanupIntervalHours, scheduleAt } = scheduleOf(schedule, 0);
  return { intervalHours: cleanupIntervalHours, at: scheduleAt };
}

/** The whole `AppConfig`; `file` must already have passed `configFileSchema`. */
export function normaliseConfig(file: ConfigFile, ctx: PathContext): AppConfig {
  const settings = fullSettings(file);
  return {
    warningThresholdPercent: settings.warning_threshold_percent,
    emergencyThresholdPercent: settings.emergency_threshold_percent,
    cleanupOnStartup: settings.cleanup_on_startup,
    ...scheduleOf(file.schedule, settings.cleanup_interval_hours),
    freeSpaceFloorPercent: settings.free_space_floor_percent,
    freeSpaceFloorBytes: file.free_space_floor_gb === undefined ? null : gbToBytes(file.free_space_floor_gb),
    onLowDisk: file.on_low_disk ?? 'clean',
    pollIntervalSeconds: settings.poll_interval_seconds,
    notifications: settings.notifications,
    startAtLogin: settings.start_at_login,
    folders: file.folders.map((folder) => normaliseFolder(folder, ctx)),
  };
}

/** Every top-level setting, defaults filled in (what the settings editor shows). */
export function fullSettings(file: SettingsConfig): Required<SettingsConfig> {
  return {
    warning_threshold_percent: file.warning_threshold_percent ?? CONFIG_DEFAULTS.warning_threshold_percent,
    emergency_threshold_percent:
      file.emergency_threshold_percent ?? CONFIG_DEFAULTS.emergency_threshold_percent,
    cleanup_on_startup: file.cleanup_on_startup ?? CONFIG_DEFAULTS.cleanup_on_startup,
    cleanup_interval_hours: file.cleanup_interval_hours ?? CONFIG_DEFAULTS.cleanup_interval_hours,
    free_space_floor_percent: file.free_space_floor_percent ?? CONFIG_DEFAULTS.free_space_floor_percent,
    poll_interval_seconds: file.poll_interval_seconds ?? CONFIG_DEFAULTS.poll_interval_seconds,
    notifications: file.notifications ?? CONFIG_DEFAULTS.notifications,
    start_at_login: file.start_at_login ?? CONFIG_DEFAULTS.start_at_login,
  };
}
