/**
 * Runs cleanups: one at a time, recorded before the first removal, checkpointed while files are removed
 * and recorded after the last (invariant 5). A request that arrives while a run is going joins that run
 * instead of starting a second one.
 */
import type { EventPayloads } from '../../../shared/bridge.js';
import { crypto } from '../fs/lazy-crypto.js';
import type {
  AppConfig,
  CleanupPreview,
  CleanupTrigger,
  FolderRules,
  FolderRunResult,
  RunRecord,
} from '../../../shared/types.js';
import { emptyPlan } from '../../core/empty-plan.js';
import { agreedPlan } from '../../core/rule-impact.js';
import type { ExecuteProgress } from '../executor/execute-plan.js';
import type { RemovalCredit } from '../executor/removal-credit.js';
import { liveFolderRules, type LiveConfig } from './live-folder-rules.js';
import type { HistoryStore } from '../history/history-store.js';
import type { Clock, Disposer, TrashPort } from '../ports.js';
import { boundRecord } from '../history/bound-record.js';
import { planFolders, planView, unreadableNotes } from './plan-folders.js';
import type { PlannedFolder } from './plan-folders.js';
import { folderProgress, PROGRESS_EVERY_FILES } from './folder-progress.js';
import { RunCheckpoints } from './run-checkpoints.js';
import { selectFolders } from './select-folders.js';

/** Per folder, the agreed rules a gated run may follow (null: none, remove nothing there). */
export type HeldRules = ReadonlyMap<string, FolderRules | null>;

export interface CleanupRequest {
  folders?: string[];
  dryRun?: boolean;
  trigger: CleanupTrigger;
  /**
   * Folders whose current rules wait for the user's say (DESIGN.md invariant 7), with the rules they
   * agreed to: there the run removes only what both remove. Absent: the rules as they are.
   */
  held?: HeldRules;
}

/** What a finished-run listener learns about a run besides its record. */
export interface RunScope {
  allFolders: boolean;
  /** The rules the run was planned with. */
  rules: FolderRules[];
  /** True when `held` limited any folder of the run. */
  gated: boolean;
}

export interface CleanupServiceDeps {
  history: HistoryStore;
  clock: Clock;
  trash?: TrashPort;
  emit: <E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]) => void;
  /**
   * The configuration as it is now, and word when it changes: a running cleanup applies a change to a
   * folder's rules before its next removal (DESIGN.md invariant 4). Without it a run keeps its rules.
   */
  config?: LiveConfig;
}

/** Hears every run once, after it is recorded; the run's promise resolves once every listener is done. */
export type RunFinishedListener = (record: RunRecord, scope: RunScope) => Promise<void> | void;

export class CleanupService {
  private current: { promise: Promise<RunRecord>; abort: AbortController } | null = null;
  private readonly finishedListeners = new Set<RunFinishedListener>();

  constructor(private readonly deps: CleanupServiceDeps) {}

  /**
   * Subscribes to finished runs (the schedule's deadlines, totals, consent, the live folders' rescans).
   * Listeners run one after another in the order they subscribed, so bookkeeping subscribed first is
   * done before a later listener re-arms the schedule from it. Returns the unsubscriber.
   */
  onFinished(listener: RunFinishedListener): Disposer {
    this.finishedListeners.add(listener);
    return () => void this.finishedListeners.delete(listener);
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** What a cleanup would remove now; each folder lists at most `listed` files (its totals stay exact). */
  async preview(config: AppConfig, names?: string[], listed = Infinity): Promise<CleanupPreview> {
    const createdAtMs = this.deps.clock.now();
    const planned = await planFolders(selectFolders(config, names), createdAtMs);
    return { createdAtMs, folders: planned.map((p) => planView(p, listed)) };
  }

  /** Starts a run, or joins the one in progress. */
  run(config: AppConfig, request: CleanupRequest): Promise<RunRecord> {
    if (this.current) return this.current.promise;
    const folders = selectFolders(config, request.folders);
    const abort = new AbortController();
    const allFolders = folders.length === config.folders.length;
    const gated = folders.some((f) => request.held?.has(f.name) ?? false);
    const scope: RunScope = { allFolders, rules: folders, gated };
    const promise = this.execute(folders, request, abort.signal, scope).finally(() => {
      this.current = null;
    });
    this.current = { promise, abort };
    return promise;
  }

  /** Stops the running cleanup between files; the files not reached are recorded as cancelled. */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.abort.abort();
    return true;
  }

  /** Waits for a run in progress to finish (used on shutdown). */
  async settle(): Promise<void> {
    await this.current?.promise.catch(() => undefined);
  }

  private async execute(
    folders: AppConfig['folders'],
    request: CleanupRequest,
    signal: AbortSignal,
    scope: RunScope,
  ): Promise<RunRecord> {
    const { clock, history, emit } = this.deps;
    const record: RunRecord = {
      id: newRunId(clock.now()),
      trigger: request.trigger,
      dryRun: request.dryRun ?? false,
      startedAt: new Date(clock.now()).toISOString(),
      finishedAt: null,
      status: 'running',
      folders: [],
      filesRemoved: 0,
      bytesFreed: 0,
    };
    // Whether history keeps this run is known once it is planned; nothing is removed before then.
    let recorded = true;
    emit('cleanupStarted', {
      runId: record.id,
      trigger: record.trigger,
      folders: folders.map((f) => f.name),
    });
    let checkpoints: RunCheckpoints | null = null;
    try {
      const executor = await loadExecutor();
      const plannedAtMs = clock.now();
      const planned = holdBack(await planFolders(folders, plannedAtMs, signal), request.held, plannedAtMs);
      recorded = keepsRecord(record, planned, history.writable);
      // Recorded before the first removal; the first checkpoint names every folder of the run.
      if (recorded && !record.dryRun) await history.begin(record);
      checkpoints =
        recorded && !record.dryRun ? await RunCheckpoints.start(history, record, planned, clock) : null;
      for (const [i, p] of planned.entries()) {
        const credit = checkpoints ? new executor.RemovalCredit() : undefined;
        if (credit) checkpoints?.hold(i, credit);
        const result = await this.executeFolder(executor, record, p, signal, checkpoints?.folder(i), credit);
        record.folders.push(result);
        checkpoints?.folderDone(i, result);
      }
      record.status = finalStatus(record, signal);
    } catch (error) {
      // A stop during planning rejects the scan: the run was cancelled, not failed.
      record.status = signal.aborted ? 'cancelled' : 'failed';
      if (!signal.aborted) record.folders.push(failedFolder(error));
    }
    await checkpoints?.stop();
    record.filesRemoved = sum(record.folders, (f) => f.filesRemoved);
    record.bytesFreed = sum(record.folders, (f) => f.bytesFreed);
    record.finishedAt = new Date(clock.now()).toISOString();
    // A dry run is recorded once, at its end (it removed nothing, so there is nothing to checkpoint).
    if (recorded) await history.finish(boundRecord(record));
    emit('cleanupFinished', record);
    for (const listener of [...this.finishedListeners]) await listener(record, scope);
    return record;
  }

  private async executeFolder(
    { executePlan }: Executor,
    record: RunRecord,
    p: PlannedFolder,
    signal: AbortSignal,
    checkpoint?: (progress: ExecuteProgress) => void,
    credit?: RemovalCredit,
  ): Promise<FolderRunResult> {
    if (!p.plan) return emptyResult(p.rules.name, p.error ? [p.error] : []);
    // Folders are planned together and cleaned one after another: what a folder's own store says may
    // have changed meanwhile (a manifest's token file).
    const plan = p.beforeRun ? await p.beforeRun(p.plan) : p.plan;
    const result = await executePlan({
      root: p.rules.path,
      plan,
      rules: p.rules,
      liveRules: this.deps.config ? liveFolderRules(this.deps.config, p.rules) : undefined,
      nowMs: () => this.deps.clock.now(),
      trash: this.deps.trash,
      signal,
      dryRun: record.dryRun,
      credit,
      progressEveryFiles: PROGRESS_EVERY_FILES,
      onProgress: folderProgress(
        (payload) => this.deps.emit('cleanupProgress', payload),
        record.id,
        p.rules.name,
        checkpoint,
      ),
    });
    const finished = p.finish ? await p.finish(result, record.dryRun, plan) : result;
    return { ...finished, notes: [...finished.notes, ...unreadableNotes(p.scan)] };
  }
}

type Executor = Awaited<ReturnType<typeof loadExecutor>>;

/**
 * The executor's code (removal jobs, the delete worker's client, the trash) is loaded by the first run:
 * status and preview never remove a file, so they never load it (#17). Loaded before planning, so a run
 * that could not load it fails before anything is recorded as begun.
 */
async function loadExecutor() {
  const [{ executePlan }, { RemovalCredit }] = await Promise.all([
    import('../executor/execute-plan.js'),
    import('../executor/removal-credit.js'),
  ]);
  return { executePlan, RemovalCredit };
}

/**
 * Whether history keeps a run: a dry run when the history is this process's to write (a dry run may go
 * while another Headroom owns it); an automatic run (start-up, schedule, emergency) always, so the history
 * shows the schedule at work; a manual run unless it would remove nothing (a click on a clean folder would
 * otherwise fill the history with empty runs). A folder
 * that could not be planned, or that finishes with its own step (a manifest's token file), keeps it.
 */
function keepsRecord(record: RunRecord, planned: readonly PlannedFolder[], writable: boolean): boolean {
  if (record.dryRun) return writable;
  if (record.trigger !== 'manual') return true;
  return planned.some(
    (p) => p.plan === null || p.error !== null || p.finish !== undefined || p.plan.remove.length > 0,
  );
}

/** Where a folder's rules wait for consent, its plan keeps only what the agreed rules remove too. */
function holdBack(planned: PlannedFolder[], held: HeldRules | undefined, nowMs: number): PlannedFolder[] {
  if (!held || held.size === 0) return planned;
  return planned.map((p) => {
    if (!p.plan || !p.scan || !held.has(p.rules.name)) return p;
    // Whole units (a model, a revision) cannot be intersected file by file without splitting one
    // (invariant 8): such a folder removes nothing until its new rules are agreed.
    if (p.rules.kind !== 'files') {
      const note = 'its rules changed on disk; nothing is removed here until the change is agreed';
      return { ...p, plan: { ...emptyPlan(p.rules.name), notes: [...p.plan.notes, note] } };
    }
    return { ...p, plan: agreedPlan(p.scan.files, p.plan, held.get(p.rules.name) ?? null, nowMs) };
  });
}

function finalStatus(record: RunRecord, signal: AbortSignal): RunRecord['status'] {
  if (signal.aborted) return 'cancelled';
  return record.folders.some((f) => f.errors.length > 0) ? 'completed_with_errors' : 'completed';
}

function emptyResult(name: string, notes: string[]): FolderRunResult {
  return {
    name,
    removed: [],
    skipped: [],
    errors: [],
    filesRemoved: 0,
    bytesFreed: 0,
    removedDirs: [],
    overLimitAfter: false,
    notes,
  };
}

function failedFolder(error: unknown): FolderRunResult {
  const result = emptyResult('(run)', []);
  result.errors.push({
    path: '',
    code: (error as NodeJS.ErrnoException).code ?? 'EFAIL',
    message: String((error as Error).message ?? error),
  });
  return result;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Sortable and unique: `20261123T051200Z-3f9a1c`. */
function newRunId(nowMs: number): string {
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${crypto().randomBytes(3).toString('hex')}`;
}
