/** Options and results of a live folder. */
import type { FolderRules, FolderScanning, WatchMode } from '../../../shared/types.js';
import type { PackedFiles } from '../scan/packed-files.js';
import type { Clock, LogFn } from '../ports.js';
import type { FolderScan } from '../scan/scan-folder.js';
import type { WatchBackend } from './watch-backend.js';

/**
 * A folder's scan (tests inject one, e.g. to hold a first scan): batches may go to `onFiles` as they are
 * found, as the real scan's do, or come back in the result's `files`.
 */
export type ScanFn = (
  root: string,
  options: { signal?: AbortSignal; onFiles?: (files: PackedFiles) => void },
) => Promise<FolderScan>;

export interface LiveFolderOptions {
  rules: FolderRules;
  backend?: WatchBackend;
  scan?: ScanFn;
  clock?: Clock;
  /** Rescan period where the folder cannot be watched (settings' pollIntervalSeconds; default 60 s). */
  pollIntervalMs?: number;
  /** How often a missing root is looked for (default 5 s). */
  existencePollMs?: number;
  /** Shortest time between two `changed` notifications (default 250 ms: at most 4 per second). */
  notifyIntervalMs?: number;
  /** Size history spacing and length for the forecast (default one per minute, 24 h). */
  historySampleMs?: number;
  historyMaxSamples?: number;
  /** Why the root's filesystem cannot be watched, or null; default reads its statfs type. */
  filesystemReason?: (root: string) => Promise<string | null>;
  /** After this many changes since the last rescan, rescan once quiet for 2 s (lost events; default 5,000). */
  burstRescanChanges?: number;
  /** Diagnostics, already prefixed with the folder's name. */
  log?: LogFn;
}

/** The `FolderStatus` fields a live folder owns. */
export interface LiveStats {
  exists: boolean;
  error: string | null;
  sizeBytes: number;
  fileCount: number;
  oldestMtimeMs: number | null;
  watch: { mode: WatchMode; reason: string | null };
  /** The first scan's progress while it runs; null once the totals are known. */
  scanning?: FolderScanning | null;
}
