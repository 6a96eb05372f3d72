/**
 * The data that crosses every boundary: engine → hosts → renderer, CLI JSON, HTTP JSON.
 * Everything here is plain, serialisable data. Times are ISO-8601 strings where a person reads them
 * (run records, schedule) and epoch milliseconds where code computes with them (`…Ms`).
 */

export type Level = 'ok' | 'warning' | 'over';
/**
 * Why a file or unit goes: a limit (`age`, `count`, `size`), or garbage a model cache or manifest folder
 * holds whatever the limits: `partial` (an abandoned download), `orphan` (a blob or file nothing
 * references), `expired` (a manifest token past its expiry).
 */
export type RemovalReason = 'age' | 'count' | 'size' | 'partial' | 'orphan' | 'expired';
/** What a folder holds: plain files, or a store whose unit of cleanup is a revision, a model tag or a token. */
export type FolderKind = 'files' | 'huggingface' | 'ollama' | 'manifest';
export type CleanupTrigger = 'startup' | 'schedule' | 'manual' | 'emergency' | 'low-disk';
export type CleanupAction = 'delete' | 'trash';

/** A folder's rules, normalised from config.yaml: absolute path, limits in bytes/files/days, null where unset. */
export interface FolderRules {
  name: string;
  /** Absolute, `~`-expanded path of the folder root. */
  path: string;
  maxSizeBytes: number | null;
  maxFiles: number | null;
  maxAgeDays: number | null;
  /** Grace period: files modified less than this many minutes ago are never removed. */
  minAgeMinutes: number;
  /** When over the size limit, remove down to this percent of it. */
  sizeTargetPercent: number;
  /** Globs (relative to the root) of files that are not counted at all. */
  exclude: string[];
  /** Globs (relative to the root) of files that count but are never removed. */
  protect: string[];
  action: CleanupAction;
  enabled: boolean;
  /**
   * Whether `exclude` and `protect` match with regard to case (`case_sensitive_globs`; by default the
   * platform's filesystem convention: true on Linux, false on macOS and Windows). Every matcher of the
   * folder follows it: planning, preview, executor, scanner, watcher.
   */
  caseSensitiveGlobs: boolean;
  /** This folder's own `emergency_threshold_percent`; absent: the global one (`emergencyThresholdOf`). */
  emergencyThresholdPercent?: number;
  /** `files` plans file by file; the other kinds plan whole units (DESIGN.md invariant 8). */
  kind: FolderKind;
  /** `kind: manifest` only: the absolute path of the token file; null for other kinds. */
  manifestFile: string | null;
  /** `kind: manifest` only: tokens with only `created_at` expire this many hours after it; null otherwise. */
  retentionHours: number | null;
  /** This folder's own `schedule:`, in place of the global one; absent or null: the global one. */
  schedule?: FolderSchedule | null;
}

/** A folder's own schedule: hours between runs (null: off, or by the clock), or a local time. */
export interface FolderSchedule {
  intervalHours: number | null;
  at: ClockSchedule | null;
}

/** A schedule by the local clock (`schedule: { daily_at }` or `{ weekly: { day, at } }`). */
export interface ClockSchedule {
  /** Local time of day, in minutes after midnight (03:00 → 180). */
  minuteOfDay: number;
  /** 0 = Sunday … 6 = Saturday; null: every day. */
  weekday: number | null;
}

/** The whole normalised configuration. */
export interface AppConfig {
  warningThresholdPercent: number;
  /** Capacity usage at which a folder is cleaned at once (an emergency cleanup); absent: 100. */
  emergencyThresholdPercent?: number;
  cleanupOnStartup: boolean;
  /**
   * Hours between scheduled cleanups; null when scheduled cleanup is off (`cleanup_interval_hours: 0`)
   * or runs by the clock (`scheduleAt`).
   */
  cleanupIntervalHours: number | null;
  /** Scheduled cleanup at a local time (`schedule:` with `daily_at` or `weekly`); absent otherwise. */
  scheduleAt?: ClockSchedule | null;
  /** A volume with less than this percent free is a warning of its own, and a low-disk cleanup. */
  freeSpaceFloorPercent: number;
  /** `free_space_floor_gb` in bytes: less free than this is low too. Absent or null: no byte floor. */
  freeSpaceFloorBytes?: number | null;
  /** `on_low_disk`: clean the folders of a low volume down to their size targets (default), or only warn. */
  onLowDisk?: 'clean' | 'warn';
  /** Rescan period for folders that cannot be watched. */
  pollIntervalSeconds: number;
  notifications: boolean;
  startAtLogin: boolean;
  folders: FolderRules[];
}

/** Where a configuration came from. `chatterbox` means a Chatterbox `resource_management.cleanup` block. */
export interface ConfigSource {
  file: string;
  kind: 'headroom' | 'chatterbox';
}

/** A configuration problem, pinned to its place in the file where there is one. */
export interface ConfigIssue {
  file: string;
  /** 1-based; null when the problem is not tied to a place (a missing file, a dangerous root found after parsing). */
  line: number | null;
  col: number | null;
  /** Dotted path of the offending key, e.g. `folders.1.max_files`. */
  key: string | null;
  message: string;
}

export interface ConfigErrorInfo {
  file: string;
  issues: ConfigIssue[];
  /** True when the app still runs on the last good configuration. */
  usingLastGood: boolean;
}

/** One file as seen by a scan. `path` is relative to the folder root with `/` separators. */
export interface FileEntry {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  /** Device and inode at scan time: the executor removes the file only if they still match. */
  dev: number;
  ino: number;
}

export type WatchMode = 'watching' | 'polling' | 'off';

export interface FolderLimits {
  maxSizeBytes: number | null;
  maxFiles: number | null;
  maxAgeDays: number | null;
}

/** Usage of one folder against each of its limits, in percent; null where that limit is unset. */
export interface UsageBreakdown {
  size: number | null;
  count: number | null;
  age: number | null;
}

/** Everything a gauge, the tray or `status --json` shows about one folder. */
export interface FolderStatus {
  name: string;
  path: string;
  enabled: boolean;
  exists: boolean;
  /** Null when readable; otherwise what went wrong reading it, in a sentence. */
  error: string | null;
  sizeBytes: number;
  fileCount: number;
  oldestMtimeMs: number | null;
  limits: FolderLimits;
  usage: UsageBreakdown;
  /**
   * Capacity usage: the higher of size and count usage (0 when the folder is missing or empty, and for a
   * folder with only an age limit). `level` follows it; the age limit never does.
   */
  usagePercent: number;
  level: Level;
  watch: { mode: WatchMode; reason: string | null };
  /** Free space of the folder's volume; null where it could not be read. */
  volume: { freeBytes: number; totalBytes: number; low: boolean } | null;
  /** Estimated time until the folder reaches its size limit at its recent growth rate; null when not growing. */
  fullInMs: number | null;
  /**
   * Counted files past the age limit, which the next run removes (unless protected): the age limit is a
   * policy, shown as this count, never as a level. Null when the folder has no age limit.
   */
  filesPastMaxAge: number | null;
  /**
   * Set while the folder is at or over its emergency threshold and an emergency cleanup has not brought it
   * under: why, and when the next attempt comes. Null otherwise (and in one-shot commands).
   */
  /**
   * A model cache (huggingface, ollama): what its units' last use is read from, their blobs' access
   * times, or their modification times where the mount records no access times (noatime). Absent for
   * other kinds, and where it was not looked at (the live dashboard).
   */
  lastUseFrom?: 'access' | 'modification';
  emergency: FolderEmergency | null;
  /**
   * Set while the folder's first scan runs (a live engine answers before its scans end): what the scan has
   * counted so far. Meanwhile the totals, usage and level are not known and read 0 and `ok`; nothing is
   * planned, warned about or cleaned from them. Null or absent once the folder's totals are known.
   */
  scanning?: FolderScanning | null;
}

/** A first scan's progress: the counted files and their bytes so far (parsed by `folderScanningSchema`). */
export interface FolderScanning {
  filesSoFar: number;
  bytesSoFar: number;
}

export interface FolderEmergency {
  /** Why the folder is still over, e.g. what the last emergency cleanup reported keeps it there. */
  reason: string;
  /** When the next emergency cleanup is tried (epoch ms); null: only once it drops and crosses again. */
  nextAttemptAtMs: number | null;
}

export interface ScheduleStatus {
  /** Null when scheduled cleanup is off or runs by the clock; `nextRunAt` is null when it is off. */
  intervalHours: number | null;
  /** The local time scheduled cleanup runs at, when it runs by the clock. */
  at?: ClockSchedule | null;
  lastRunAt: string | null;
  nextRunAt: string | null;
  pausedUntil: string | null;
  /** Automatic cleanup is stopped until started again (seed API `/api/cleanup/schedule/stop`); absent means false. */
  stopped?: boolean;
  running: boolean;
  /**
   * Each enabled folder's schedule and next run (`nextRunAt` above is the earliest of them). `own`: the
   * folder has its own `schedule:`; otherwise it follows the global one. Absent before any config.
   */
  folders?: FolderScheduleStatus[];
}

export interface FolderScheduleStatus {
  name: string;
  own: boolean;
  intervalHours: number | null;
  at: ClockSchedule | null;
  /** Null while scheduled cleanup of this folder is off or stopped. */
  nextRunAt: string | null;
}

export interface Snapshot {
  takenAtMs: number;
  folders: FolderStatus[];
  /** Highest usage of all enabled folders, and its level: what the tray meter shows. */
  maxUsagePercent: number;
  level: Level;
  /** The configured warning threshold the levels were computed with. */
  warningThresholdPercent: number;
  cleaning: boolean;
  schedule: ScheduleStatus;
  configError: ConfigErrorInfo | null;
  /**
   * A change made to config.yaml on disk whose new removals wait for the user's say (DESIGN.md invariant
   * 7); null when none waits. Absent where no live engine keeps the rules (one-shot commands).
   */
  pendingRules?: PendingRules | null;
}

/** The files one folder's new rules would remove that its rules before did not. */
export interface FolderImpact {
  name: string;
  files: number;
  bytes: number;
  /** The first of those files, oldest first (at most `IMPACT_LISTED`): the preview one click away. */
  remove: FolderPlanView['remove'];
}

/** What a configuration change would remove that the rules before it would not (DESIGN.md invariant 7). */
export interface ConfigImpact {
  computedAtMs: number;
  files: number;
  bytes: number;
  /** Only folders with new removals, in configuration order. */
  folders: FolderImpact[];
  /**
   * Confirms exactly this change (from the rules removals follow now to the patched ones): pass it as
   * `updateConfig`'s `confirmImpact`. Null when the change removes nothing new and saves without one.
   */
  token: string | null;
}

/** A disk edit's new removals, waiting for the next scheduled run or the user's "Run now". */
export interface PendingRules {
  impact: Omit<ConfigImpact, 'token'>;
  /** When the change was seen (epoch ms). */
  sinceMs: number;
  /** The next scheduled run, which applies them unless held; null when scheduled cleanup is off or held. */
  appliesAt: string | null;
  /** The user chose Hold: removals keep following the rules before the change until they choose Run now. */
  held: boolean;
}

export interface PlannedRemoval {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  dev: number;
  ino: number;
  reason: RemovalReason;
  /**
   * `link`: a symbolic link planned for removal itself (a model cache's snapshot entry), removed only while
   * it is still the same link, never followed. Absent for regular files.
   */
  entry?: 'link';
  /**
   * A blob that entries of its units point at: removed only once every other entry of those units went,
   * so a failure part-way never leaves a link or manifest naming a missing blob.
   */
  blob?: true;
  /**
   * Ids of the units this entry goes with (a blob shared by two planned revisions names both): it is
   * removed only if none of them is kept. Absent in `files` folders.
   */
  units?: string[];
}

/**
 * A whole thing the cleanup of a model cache or manifest folder removes, never in part: a Hugging Face
 * revision, an Ollama model tag, a recovery token, or a piece of garbage (a partial download).
 */
export interface PlannedUnit {
  /** Stable within a plan, e.g. `models--org--name@3f2a…` or `registry.ollama.ai/library/llama3:latest`. */
  id: string;
  /** For people: "org/model revision 3f2a… 4.2 GB, last used 41 days ago, detached". */
  label: string;
  reason: RemovalReason;
  /** Bytes the unit gives back: its files no other remaining unit needs. */
  sizeBytes: number;
  /** Epoch ms of its last use (newest atime, or mtime where the mount keeps no atimes); null if unknown. */
  lastUsedMs: number | null;
  /** Paths (relative to the root) removed with it. */
  files: string[];
}

/** What became of a planned unit in a run. */
export interface UnitOutcome {
  id: string;
  label: string;
  reason: RemovalReason;
  sizeBytes: number;
  /** `partly-removed` only where a file changed between the last check and its removal. */
  outcome: 'removed' | 'kept' | 'partly-removed';
  /** Why it was kept, or what of it remains, in a sentence. */
  detail?: string;
}

/** What plan() decided for one folder. */
export interface FolderPlan {
  name: string;
  remove: PlannedRemoval[];
  bytesToFree: number;
  /** True when protected or young files keep the folder over a limit even after the plan runs. */
  overLimitAfter: boolean;
  /** One sentence per limit still exceeded after the plan, saying what keeps it there. */
  notes: string[];
  /** Files that count but were held back. */
  kept: { protected: number; young: number };
  /** Model caches and manifest folders: the whole units `remove` makes up. Absent for `files` folders. */
  units?: PlannedUnit[];
  /** The files and bytes that count (not excluded) before the plan; absent where units are planned. */
  counted?: { files: number; bytes: number };
  /**
   * Folders (relative paths) kept even when the run empties them, with their parents: those the store's
   * own reader needs, like the `refs/` of a Hugging Face repo that keeps a revision.
   */
  keepDirs?: string[];
}

/** `preview --json` and the bridge's previewCleanup. Paths in `remove` are relative to the folder root. */
export interface CleanupPreview {
  createdAtMs: number;
  folders: FolderPlanView[];
}

/**
 * Files the bridge's previewCleanup lists per folder, oldest first in the plan's order: 50,000 rows are a
 * few MB of JSON and a list the dashboard windows smoothly; a folder planning more says how many it left
 * out (`filesOmitted`), its totals stay exact. `headroom preview --json` lists every file.
 */
export const PREVIEW_LISTED_FILES = 50_000;

/** A folder's counted files (not excluded), and its usage of its size and count limits (null: none set). */
export interface PlanTotals {
  files: number;
  sizeBytes: number;
  usagePercent: number | null;
}

export interface FolderPlanView {
  name: string;
  /** The planned files, in the plan's order (by rule, oldest first), at most `PREVIEW_LISTED_FILES`. */
  remove: { path: string; sizeBytes: number; mtimeMs: number; reason: RemovalReason }[];
  /** How many files the plan removes: `remove.length` plus `filesOmitted`. */
  files: number;
  /** Planned files not in `remove` because the list stops at `PREVIEW_LISTED_FILES`. */
  filesOmitted: number;
  /** The folder as planned from and as the plan would leave it; absent for model caches and manifests. */
  totals?: { before: PlanTotals; after: PlanTotals };
  bytesToFree: number;
  overLimitAfter: boolean;
  notes: string[];
  /** Set when the folder could not be planned (missing, unreadable, disabled). */
  error: string | null;
  /** Model caches and manifest folders: the units that go, with the files under them. */
  units?: PlannedUnit[];
}

export type SkipWhy =
  | 'changed'
  | 'gone'
  | 'not-a-regular-file'
  | 'outside-root'
  | 'protected'
  | 'too-young'
  | 'cancelled'
  | 'retry-later'
  /** Open for writing by another process (Linux: seen in /proc/PID/fdinfo). */
  | 'in-use'
  /** In a folder another user can write to, on a platform without race-free removal. */
  | 'shared-folder'
  /** `action: trash`, but no trash folder on the file's volume can be used safely. */
  | 'trash-unavailable'
  /** Kept because another file of its unit (revision, model, token) could not go: units are never split. */
  | 'unit-kept';

export interface RemovedFile {
  path: string;
  sizeBytes: number;
  reason: RemovalReason;
}

export interface SkippedFile {
  path: string;
  why: SkipWhy;
  /** A sentence for people, e.g. "size changed from 10 B to 12 B after planning". */
  detail?: string;
}

export interface RemovalError {
  path: string;
  code: string;
  message: string;
}

export interface FolderRunResult {
  name: string;
  removed: RemovedFile[];
  skipped: SkippedFile[];
  errors: RemovalError[];
  filesRemoved: number;
  /**
   * Disk space given back: the blocks of removed files (`st_blocks` × 512), 0 for a file that had other
   * hard links and for files moved to the trash (the space stays in use there).
   */
  bytesFreed: number;
  /** Apparent size (`st_size`) of the files removed or moved to the trash. Absent in older records. */
  bytesRemoved?: number;
  /** Apparent size of the files moved to the trash (`action: trash`). Absent in older records. */
  bytesTrashed?: number;
  /** Subfolders removed because the run emptied them (relative paths). */
  removedDirs: string[];
  overLimitAfter: boolean;
  notes: string[];
  /**
   * In history, each list keeps at most a bounded number of entries so one huge run cannot bloat the file;
   * this says how many were left out of each (the totals stay exact). Absent when nothing was left out.
   */
  omitted?: { removed: number; skipped: number; errors: number };
  /** Model caches and manifest folders: what became of each planned unit. Absent for `files` folders. */
  units?: UnitOutcome[];
}

export type RunStatus =
  'running' | 'completed' | 'completed_with_errors' | 'cancelled' | 'interrupted' | 'failed';

/** One cleanup run, as stored in history and printed by `clean --json`. */
export interface RunRecord {
  id: string;
  trigger: CleanupTrigger;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  folders: FolderRunResult[];
  filesRemoved: number;
  bytesFreed: number;
}

export interface HistoryPage {
  runs: RunRecord[];
  /** Lines of the history file that could not be read and were skipped. */
  damagedLines: number;
}

export type WarningKind = 'threshold' | 'over' | 'low-disk' | 'folder-error' | 'polling';

/** A warning worth a notification; the monitor's hysteresis decides when one is raised. */
export interface WarningEvent {
  kind: WarningKind;
  folder: string;
  level: Level;
  usagePercent: number;
  /** A sentence with absolute units, e.g. "outputs holds 4.1 GB of 5 GB (82%)". */
  message: string;
  atMs: number;
}

export interface CleanupProgress {
  runId: string;
  folder: string;
  filesDone: number;
  filesTotal: number;
  bytesFreed: number;
}
