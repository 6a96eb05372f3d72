/** The engine facade's type: what both hosts (Electron main, headless) hold. */
import type { EventName, EventPayloads, HeadroomApi, RequestInput } from '../../../shared/bridge.js';
import type { CleanupPreview } from '../../../shared/types.js';
import type { CleanupTotalsData } from '../history/cleanup-totals.js';
import type { DetectHost } from '../detect/detect-host.js';
import type { FolderDetector } from '../detect/folder-detector.js';
import type { ScanFn } from '../live/live-types.js';
import type { Clock, Disposer, LogFn, TrashPort } from '../ports.js';

export interface EngineOptions {
  /** config.yaml to use; default `<dataDir>/config.yaml` (written with defaults when missing). */
  configFile?: string;
  /** Where history, schedule state and the default sample folders live. */
  dataDir: string;
  clock?: Clock;
  trash?: TrashPort;
  /** Start watchers, the schedule and start-up cleanup (false for one-shot CLI commands). */
  live?: boolean;
  /**
   * Called with the engine's `on` before the live runtime's first scan, so a host hears the warnings that
   * scan raises (a folder already over its limit at login) although createEngine has not returned yet.
   */
  subscribe?: (on: Engine['on']) => void;
  /** Where `detect` reads the home folder, environment and temp folder (default: this machine's). */
  detectHost?: DetectHost;
  /**
   * Shows a file in the system's file manager: the desktop app passes `shell.showItemInFolder`. Absent in
   * `serve` (a browser cannot be asked to open a window on the server's desktop): showInFolder is refused.
   */
  revealFile?: (absolutePath: string) => void | Promise<void>;
  /**
   * Asks the person for a folder: the desktop app passes `dialog.showOpenDialog`; null when cancelled.
   * Absent in `serve` (a browser cannot open a dialog on the server's desktop): pickFolder is refused.
   */
  pickFolder?: () => Promise<string | null>;
  /** Diagnostics for people (drift found, watch fallbacks, failed scheduled runs). Default: stderr. */
  log?: LogFn;
  /** The live folders' scan; default the real one. Tests hold a first scan at this port. */
  liveScan?: ScanFn;
}

export interface Engine extends HeadroomApi {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): Disposer;
  readonly configFile: string;
  readonly dataDir: string;
  /** Cumulative totals of every real run since the data folder was first used (cleanup-totals.json). */
  cleanupTotals(): Promise<CleanupTotalsData>;
  /**
   * previewCleanup with every planned file listed, however many: `headroom preview --json`, which no bridge
   * client can ask for (the bridge lists at most `PREVIEW_LISTED_FILES` a folder).
   */
  fullPreview(input?: RequestInput<'previewCleanup'>): Promise<CleanupPreview>;
  /**
   * Finds the tools' folders; the CLI also names installs with `--in`, which no bridge client can. Loaded on
   * first call, so commands that never detect do not load its code.
   */
  detector(): Promise<FolderDetector>;
  /** Closes every watcher and timer; lets a running removal finish its current file and records the run. */
  dispose(): Promise<void>;
}
