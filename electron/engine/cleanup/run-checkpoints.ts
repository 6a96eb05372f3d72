/**
 * Checkpoints of a running cleanup (DESIGN.md invariant 5): while files are removed, the run's counts so
 * far are appended to the history as a `running` record, at least every second and every 500 files
 * removed, so a run killed midway is shown at the next start with what it had removed by its last
 * checkpoint instead of nothing. A checkpoint line is a whole, valid run record: the history's index,
 * its compaction and its readers take the newest line of a run as they always did.
 *
 * The counts come from the executor's `filesRemoved`, counted after each removal, so a checkpoint never
 * claims a file that is still there; it may lag behind by the files removed since it was written.
 */
import type { FolderRunResult, RunRecord } from '../../../shared/types.js';
import { monotonicMs } from '../fs/monotonic-ms.js';
import type { ExecuteProgress } from '../executor/progress-throttle.js';
import type { RemovalCredit } from '../executor/removal-credit.js';
import { summarizeFolder } from '../history/history-entry.js';
import type { Clock } from '../ports.js';
import type { PlannedFolder } from './plan-folders.js';

/** Where checkpoints go: the history store. */
export interface CheckpointSink {
  checkpoint(run: RunRecord): Promise<void>;
}

export interface CheckpointOptions {
  /** Epoch ms, for the time a checkpoint names. */
  nowMs: () => number;
  /** A monotonic stopwatch that paces checkpoints (ms); never decides anything else. */
  elapsedMs?: () => number;
  /** Files removed since the last checkpoint that call for the next one. Default 500. */
  everyFiles?: number;
  /** Time since the last checkpoint after which any new removal calls for the next one. Default 1000. */
  everyMs?: number;
}

/**
 * Half the 1,000 the issue asks for: a checkpoint is written while removals go on, so a kill can land
 * after one file batch (256 on the worker) and the write in flight; half leaves room for both.
 */
export const CHECKPOINT_EVERY_FILES = 500;
export const CHECKPOINT_EVERY_MS = 1000;

interface FolderCounts {
  name: string;
  filesRemoved: number;
  bytesFreed: number;
  overLimitAfter: boolean;
}

/** Collects one run's progress per folder and writes a checkpoint whenever one is due, one at a time. */
export class RunCheckpoints {
  private readonly folders: (FolderCounts | FolderRunResult)[];
  private readonly elapsedMs: () => number;
  private readonly everyFiles: number;
  private readonly everyMs: number;
  private writtenRemoved = 0;
  private writtenAtMs: number;
  private writing: Promise<void> | null = null;
  private wanted = false;
  private stopped = false;
  private readonly durable = new Map<number, RemovalCredit>();

  /** `folders`: every folder of the run, in order, with whether its plan leaves it over a limit. */
  constructor(
    private readonly sink: CheckpointSink,
    private readonly run: RunRecord,
    folders: readonly { name: string; overLimitAfter: boolean }[],
    private readonly options: CheckpointOptions,
  ) {
    this.folders = folders.map((f) => ({ ...f, filesRemoved: 0, bytesFreed: 0 }));
    this.elapsedMs = options.elapsedMs ?? (() => monotonicMs());
    this.everyFiles = options.everyFiles ?? CHECKPOINT_EVERY_FILES;
    this.everyMs = options.everyMs ?? CHECKPOINT_EVERY_MS;
    this.writtenAtMs = this.elapsedMs();
  }

  /**
   * Checkpoints for `run` over the folders `planned` (in run order), the first written at once with
   * every folder at zero; resolves once it is on disk.
   */
  static async start(
    sink: CheckpointSink,
    run: RunRecord,
    planned: readonly PlannedFolder[],
    clock: Clock,
  ): Promise<RunCheckpoints> {
    const folders = planned.map((p) => ({
      name: p.rules.name,
      overLimitAfter: p.plan?.overLimitAfter ?? false,
    }));
    const checkpoints = new RunCheckpoints(sink, run, folders, { nowMs: () => clock.now() });
    // The run goes on without it: the begin record stands, and the next checkpoint may be written.
    await sink.checkpoint(checkpoints.record()).catch(() => undefined);
    return checkpoints;
  }

  /** The progress listener of folder `index` (its place in the run). */
  folder(index: number): (p: ExecuteProgress) => void {
    return (p) => this.progress(index, p);
  }

  /** Folder `index` has done what `p` says; a checkpoint follows when one is due. */
  progress(index: number, p: ExecuteProgress): void {
    const folder = this.folders[index];
    if (!folder || 'removed' in folder) return;
    folder.filesRemoved = Math.max(folder.filesRemoved, p.filesRemoved ?? 0);
    folder.bytesFreed = Math.max(folder.bytesFreed, p.bytesFreed);
    this.maybeWrite();
  }

  /**
   * Holds the removals of folder `index` within reach of the checkpoints on disk: `credit` is raised
   * each time one that counts them is written, and released when the folder is done or a write fails.
   */
  hold(index: number, credit: RemovalCredit): void {
    this.durable.set(index, credit);
  }

  /** Folder `index` is finished: its exact counts stand in every later checkpoint. */
  folderDone(index: number, result: FolderRunResult): void {
    this.durable.get(index)?.release();
    this.durable.delete(index);
    if (index < this.folders.length) this.folders[index] = result;
    this.maybeWrite();
  }

  /** No checkpoint after this; resolves when the one in flight (if any) is on disk. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.writing;
  }

  private removedSoFar(): number {
    return this.folders.reduce((n, f) => n + f.filesRemoved, 0);
  }

  private maybeWrite(): void {
    const fresh = this.removedSoFar() - this.writtenRemoved;
    if (this.stopped || fresh <= 0) return;
    if (fresh < this.everyFiles && this.elapsedMs() - this.writtenAtMs < this.everyMs) return;
    if (this.writing) {
      this.wanted = true;
      return;
    }
    this.write();
  }

  private write(): void {
    const record = this.record();
    this.writtenRemoved = record.filesRemoved;
    this.writtenAtMs = this.elapsedMs();
    this.wanted = false;
    const counted = [...this.durable].map(
      ([i, credit]) => [credit, record.folders[i]?.filesRemoved ?? 0] as const,
    );
    // A checkpoint that cannot be written leaves the last one standing; the run goes on regardless,
    // its removals no longer held back by checkpoints that do not come.
    this.writing = this.sink.checkpoint(record).then(
      () => {
        for (const [credit, removed] of counted) credit.confirm(removed);
        this.afterWrite();
      },
      () => {
        for (const [credit] of counted) credit.release();
        this.afterWrite();
      },
    );
  }

  private afterWrite(): void {
    this.writing = null;
    if (this.wanted) this.maybeWrite();
  }

  /** The run as it stands: finished folders as their summaries, the others with their counts so far. */
  private record(): RunRecord {
    const at = new Date(this.options.nowMs()).toISOString();
    const folders = this.folders.map((f) => ('removed' in f ? finishedFolder(f) : folderSoFar(f, at)));
    return {
      ...this.run,
      status: 'running',
      folders,
      filesRemoved: folders.reduce((n, f) => n + f.filesRemoved, 0),
      bytesFreed: folders.reduce((n, f) => n + f.bytesFreed, 0),
    };
  }
}

/** A finished folder in a checkpoint: its per-file lists counted in `omitted`, so every line stays small. */
function finishedFolder(f: FolderRunResult): FolderRunResult {
  const summary = summarizeFolder(f);
  const omitted = { removed: f.removed.length, skipped: f.skipped.length, errors: f.errors.length };
  return omitted.removed + omitted.skipped + omitted.errors > 0 ? { ...summary, omitted } : summary;
}

function folderSoFar(f: FolderCounts, at: string): FolderRunResult {
  return {
    name: f.name,
    removed: [],
    skipped: [],
    errors: [],
    filesRemoved: f.filesRemoved,
    bytesFreed: f.bytesFreed,
    removedDirs: [],
    overLimitAfter: f.overLimitAfter,
    notes: [checkpointNote(at)],
  };
}

/** Shown on each folder the run had not finished, in a record read back from a checkpoint. */
export function checkpointNote(at: string): string {
  return `Counts as of the last checkpoint (${at}), written while the run was going: files it removed here after that are not counted.`;
}
