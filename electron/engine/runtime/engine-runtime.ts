/**
 * What the engine facade asks of the engine as it runs: the live runtime (watchers, monitor, schedule) in
 * the app and `serve`, or a one-shot runtime for a CLI command (status, preview, clean). The facade holds
 * one of the two and never asks which.
 */
import type {
  CleanupTrigger,
  FolderRules,
  PendingRules,
  RunRecord,
  Snapshot,
} from '../../../shared/types.js';
import type { FolderIndex } from '../index/folder-index.js';

export interface EngineRuntime {
  /** The current snapshot. */
  snapshot(): Promise<Snapshot>;
  /** Resolves once the named folders (all when absent) can be planned from what is on disk. */
  untilScanned(folders?: readonly string[]): Promise<void>;
  /** Starts a run, or joins the one in progress. */
  runCleanup(trigger: CleanupTrigger, folders?: string[], dryRun?: boolean): Promise<RunRecord>;
  /** A disk edit's new removals waiting for the user's say, or null. */
  pendingRules(): PendingRules | null;
  /** The live index of a folder, for "what takes space"; throws a sentence saying why there is none. */
  spaceIndex(rules: FolderRules): FolderIndex;
  pause(untilMs: number | null): Promise<void>;
  setStopped(stopped: boolean): Promise<void>;
  dispose(): Promise<void>;
}
