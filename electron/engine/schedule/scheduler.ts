/**
 * Runs cleanups at start-up, at each deadline (last run + interval, kept across restarts) and in an
 * emergency, never two at once (the cleanup service joins overlapping requests). Decisions come from
 * core/schedule.ts; this class only keeps time.
 *
 * The timer re-checks the wall clock at least every minute instead of sleeping until the deadline:
 * monotonic timers stop while a laptop sleeps, so a 5-hour timer armed before a 3-hour sleep would fire
 * 3 hours late. After a wake or a long shutdown an overdue run happens once.
 */
import { catchUp, emergencyAllowed, nextRunAtMs, startupRunDue } from '../../core/schedule.js';
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
  startedAtMs: number;
}

export class Scheduler {
  private timer: Disposer | null = null;
  private disposed = false;
  /** After a run that threw (a full disk, say), wait before trying again instead of spinning. */
  private retryAtMs = 0;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Runs the start-up cleanup when it is due, then keeps the schedule. */
  start(): void {
    const config = this.deps.config();
    const nowMs = this.deps.clock.now();
    if (
      config &&
      startupRunDue({
        cleanupOnStartup: config.cleanupOnStartup,
        pausedUntilMs: this.deps.state.pausedUntilMs,
        nowMs,
      })
    ) {
      void this.run('startup');
    }
    this.arm();
  }

  /** A folder crossed 100%: clean just that folder, at most once per cooldown, unless paused. */
  emergency(folder: string): boolean {
    const nowMs = this.deps.clock.now();
    if (this.deps.state.pausedUntilMs !== null) return false;
    if (!emergencyAllowed(this.deps.state.lastEmergencyAtMs(folder), nowMs)) return false;
    void this.deps.state.recordEmergency(folder, nowMs).catch(this.deps.onError);
    void this.run('emergency', [folder]);
    return true;
  }

  /** Call after any run that covered every folder: the next deadline counts from its start. */
  async recordRun(record: RunRecord, allFolders: boolean): Promise<void> {
    if (record.dryRun || !allFolders) return;
    await this.deps.state.recordRun(Date.parse(record.startedAt));
    this.arm();
  }

  async pause(untilMs: number | null): Promise<void> {
    await this.deps.state.pause(untilMs);
    this.arm();
  }

  /** The next deadline (ms), for status displays. */
  nextRunAtMs(): number {
    return nextRunAtMs(this.input());
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.();
    this.timer = null;
  }

  private arm(): void {
    if (this.disposed) return;
    this.timer?.();
    const nowMs = this.deps.clock.now();
    const dueInMs = Math.max(this.nextRunAtMs() - nowMs, this.retryAtMs - nowMs, 0);
    const delayMs = Math.min(dueInMs, RECHECK_MS);
    this.timer = this.deps.clock.setTimeout(() => this.tick(), delayMs);
  }

  private tick(): void {
    this.timer = null;
    if (this.disposed) return;
    const retryWaiting = this.deps.clock.now() < this.retryAtMs;
    if (!retryWaiting && catchUp(this.input()).runNow && this.deps.config()) void this.run('schedule');
    else this.arm();
  }

  private async run(trigger: CleanupTrigger, folders?: string[]): Promise<void> {
    try {
      const record = await this.deps.runCleanup(trigger, folders);
      if (trigger === 'emergency') return;
      // A joined manual run may have covered only some folders; the deadline moves only for a full run.
      await this.recordRun(record, record.folders.length === (this.deps.config()?.folders.length ?? -1));
    } catch (error) {
      this.retryAtMs = this.deps.clock.now() + RECHECK_MS;
      this.deps.onError(error);
    } finally {
      this.arm();
    }
  }

  private input() {
    return {
      lastRunAtMs: this.deps.state.lastRunAtMs,
      intervalHours: this.deps.config()?.cleanupIntervalHours ?? 5,
      pausedUntilMs: this.deps.state.pausedUntilMs,
      startedAtMs: this.deps.startedAtMs,
      nowMs: this.deps.clock.now(),
    };
  }
}
