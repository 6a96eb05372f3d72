/**
 * Runs cleanups at start-up, at each deadline (last run + interval, kept across restarts) and in an
 * emergency, never two at once (the cleanup service joins overlapping requests). Each folder has its
 * deadline (its own `schedule:` or the global one); one run covers every folder due when it starts.
 * Decisions come from core/schedule.ts; this class only keeps time.
 *
 * The timer re-checks the wall clock at least every minute instead of sleeping until the deadline:
 * monotonic timers stop while a laptop sleeps, so a 5-hour timer armed before a 3-hour sleep would fire
 * 3 hours late. After a wake or a long shutdown an overdue run happens once.
 */
import { emergencyAllowed, isDue, startupRunDue } from '../../core/schedule.js';
import type { AppConfig, CleanupTrigger, RunRecord } from '../../../shared/types.js';
import type { Clock, Disposer } from '../ports.js';
import type { ScheduleState } from './schedule-state.js';

/** Longest the scheduler sleeps before looking at the wall clock again. */
export const RECHECK_MS = 60_000;

export interface SchedulerDeps {
  state: ScheduleState;
  clock: Clock;
  config: () => AppConfig | null;
  /** Starts (or joins) a cleanup of the named folders, all when absent. */
  runCleanup: (trigger: CleanupTrigger, folders?: string[]) => Promise<RunRecord>;
  onError: (error: unknown) => void;
}

export class Scheduler {
  private timer: Disposer | null = null;
  private disposed = false;
  /** After a run that threw (a full disk, say), wait before trying again instead of spinning. */
  private retryAtMs = 0;
  private started = false;
  /** The run this scheduler started and is still recording, so shutdown can wait for it. */
  private inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: SchedulerDeps) {}

  /** Runs the start-up cleanup when it is due, then keeps the schedule. */
  start(): void {
    this.started = true;
    const config = this.deps.config();
    const pausedUntilMs = this.deps.state.pausedUntilMs;
    const nowMs = this.deps.clock.now();
    if (config && startupRunDue({ cleanupOnStartup: config.cleanupOnStartup, pausedUntilMs, nowMs })) {
      void this.run('startup');
    }
    this.arm();
  }

  /**
   * The one place an emergency cleanup starts (the engine's EmergencyWatch decides when; a gate on every
   * emergency belongs here): cleans just that folder, at most once per cooldown, unless paused. Returns
   * whether it started; `onDone` then gets the run's record (null when the run threw). Refused before the
   * schedule starts: the watch looks at every folder again once it has (after the start-up run began).
   */
  emergency(folder: string, onDone?: (record: RunRecord | null) => void): boolean {
    if (!this.started) return false;
    const nowMs = this.deps.clock.now();
    if (this.deps.state.pausedUntilMs !== null) return false;
    if (!emergencyAllowed(this.deps.state.lastEmergencyAtMs(folder), nowMs)) return false;
    void this.run('emergency', [folder], () => this.deps.state.recordEmergency(folder, nowMs), onDone);
    return true;
  }

  /** The deadline may have moved (a run was recorded): wait for the new one. */
  rearm(): void {
    if (this.started) this.arm();
  }

  async pause(untilMs: number | null): Promise<void> {
    await this.deps.state.pause(untilMs);
    this.arm();
  }

  /** The earliest deadline of any folder (ms), for status displays; null when scheduled cleanup is off. */
  nextRunAtMs(): number | null {
    const times = this.deps.state
      .folderDeadlines(this.deps.config())
      .flatMap((d) => (d.nextRunAtMs === null ? [] : [d.nextRunAtMs]));
    return times.length === 0 ? null : Math.min(...times);
  }

  /** The folders whose deadline has come; all of them as `undefined`, so the run covers every folder. */
  private dueFolders(): { due: boolean; folders?: string[] } {
    const config = this.deps.config();
    if (!config) return { due: false };
    const ready = (folder: AppConfig['folders'][number]) =>
      isDue(this.deps.state.folderInput(config, folder));
    const enabled = config.folders.filter((f) => f.enabled);
    const due = enabled.filter(ready).map((f) => f.name);
    if (due.length === 0) return { due: false };
    return due.length === enabled.length ? { due: true } : { due: true, folders: due };
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.();
    this.timer = null;
  }

  private arm(): void {
    if (this.disposed) return;
    this.timer?.();
    this.timer = null;
    const nowMs = this.deps.clock.now();
    const deadlineMs = this.nextRunAtMs();
    // Scheduled cleanup off: nothing to wait for. A config change that turns it on calls rearm().
    if (deadlineMs === null) return;
    const dueInMs = Math.max(deadlineMs - nowMs, this.retryAtMs - nowMs, 0);
    const delayMs = Math.min(dueInMs, RECHECK_MS);
    this.timer = this.deps.clock.setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    this.timer = null;
    if (this.disposed) return;
    const retryWaiting = this.deps.clock.now() < this.retryAtMs;
    // However many deadlines passed (a sleep, a shutdown), a due folder runs once: its run is its new last.
    const { due, folders } = retryWaiting ? { due: false } : this.dueFolders();
    if (due) void this.run('schedule', folders);
    else this.arm();
  }

  /** Resolves once every run this scheduler started has finished and been recorded. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private run(
    trigger: CleanupTrigger,
    folders?: string[],
    before?: () => Promise<void>,
    onDone?: (record: RunRecord | null) => void,
  ): Promise<void> {
    const promise = this.runAndRecord(trigger, folders, before)
      .then((record) => onDone?.(record))
      .finally(() => this.inFlight.delete(promise));
    this.inFlight.add(promise);
    return promise;
  }

  private async runAndRecord(
    trigger: CleanupTrigger,
    folders?: string[],
    before?: () => Promise<void>,
  ): Promise<RunRecord | null> {
    try {
      await before?.();
      // The cleanup service records the run in the schedule state (its after-run hook).
      return await this.deps.runCleanup(trigger, folders);
    } catch (error) {
      this.retryAtMs = this.deps.clock.now() + RECHECK_MS;
      this.deps.onError(error);
      return null;
    } finally {
      this.arm();
    }
  }
}
