/**
 * The schedule's memory across restarts (DESIGN.md "Scheduling"): when the last automatic or manual run
 * finished, when automatic cleanup is paused until, and each folder's last emergency cleanup. Kept in a
 * small JSON file written atomically; a damaged file falls back to the history's last completed run.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { nextRunAtMs, type ScheduleInput } from '../../core/schedule.js';
import type { AppConfig, RunRecord, ScheduleStatus } from '../../../shared/types.js';
import { writeFileAtomic } from '../config/atomic-write.js';
import type { HistoryStore } from '../history/history-store.js';
import { machineTimeZone, type Clock } from '../ports.js';

const stateSchema = z.object({
  /** Start of the last run that covered every folder: the schedule's deadline counts from it. */
  lastRunAtMs: z.number().nullable().catch(null),
  /** Start of the last run of any kind (one folder, an emergency): what "last cleanup" shows. */
  lastAnyRunAtMs: z.number().nullable().catch(null),
  pausedUntilMs: z.number().nullable().catch(null),
  lastEmergencyAtMs: z.record(z.string(), z.number()).catch({}),
  /** Automatic cleanup stopped until started again (`POST /api/cleanup/schedule/stop`); absent in older files. */
  stopped: z.boolean().catch(false),
});
type State = z.infer<typeof stateSchema>;

export class ScheduleState {
  private constructor(
    private readonly file: string,
    private state: State,
    private readonly clock: Clock,
    /** When this engine started: the first deadline of a Headroom that never ran counts from here. */
    private readonly startedAtMs: number,
  ) {}

  static async open(file: string, history: HistoryStore, clock: Clock): Promise<ScheduleState> {
    const state = (await readState(file)) ?? {
      lastRunAtMs: null,
      lastAnyRunAtMs: null,
      pausedUntilMs: null,
      lastEmergencyAtMs: {},
      stopped: false,
    };
    if (state.lastRunAtMs === null) {
      const last = history.lastCompletedRun();
      const started = last ? Date.parse(last.startedAt) : NaN;
      if (Number.isFinite(started)) state.lastRunAtMs = started;
    }
    return new ScheduleState(file, state, clock, clock.now());
  }

  get lastRunAtMs(): number | null {
    return this.state.lastRunAtMs;
  }

  /**
   * Until when automatic cleanup (scheduled, start-up, emergency) is held, or null: the end of a pause,
   * or the end of time while the schedule is stopped. A pause that has passed reads as null.
   */
  get pausedUntilMs(): number | null {
    return this.state.stopped ? STOPPED_HOLD_MS : this.pauseEndMs();
  }

  get stopped(): boolean {
    return this.state.stopped;
  }

  /** Stops automatic cleanup until started again, across restarts; starting keeps a pause in force. */
  async setStopped(stopped: boolean): Promise<void> {
    await this.save({ ...this.state, stopped });
  }

  private pauseEndMs(): number | null {
    const until = this.state.pausedUntilMs;
    return until !== null && until > this.clock.now() ? until : null;
  }

  lastEmergencyAtMs(folder: string): number | null {
    return this.state.lastEmergencyAtMs[folder] ?? null;
  }

  async recordRun(atMs: number): Promise<void> {
    await this.save({ ...this.state, lastRunAtMs: atMs, lastAnyRunAtMs: atMs });
  }

  /**
   * Called after every cleanup (the cleanup service's after-run hook), whatever started it: a run that
   * covered every folder moves the deadline; any other real run only shows as the last cleanup. An
   * emergency or low-disk run never moves it, even of the only folder: it answers one folder's crossing
   * (as often as every 10 minutes), and the schedule's own runs must still come.
   */
  async noteRun(record: RunRecord, allFolders: boolean): Promise<void> {
    if (record.dryRun) return;
    const atMs = Date.parse(record.startedAt);
    const answersAnAlarm = record.trigger === 'emergency' || record.trigger === 'low-disk';
    if (allFolders && !answersAnAlarm) await this.recordRun(atMs);
    else await this.save({ ...this.state, lastAnyRunAtMs: atMs });
  }

  async recordEmergency(folder: string, atMs: number): Promise<void> {
    await this.save({
      ...this.state,
      lastEmergencyAtMs: { ...this.state.lastEmergencyAtMs, [folder]: atMs },
    });
  }

  async pause(untilMs: number | null): Promise<void> {
    await this.save({ ...this.state, pausedUntilMs: untilMs });
  }

  /** What the deadline depends on, under `config` (the default 5-hour interval when there is none yet). */
  scheduleInput(config: AppConfig | null): ScheduleInput {
    return {
      lastRunAtMs: this.state.lastRunAtMs,
      intervalHours: config ? config.cleanupIntervalHours : 5,
      at: config?.scheduleAt ?? null,
      timeZone: this.clock.timeZone?.() ?? machineTimeZone(),
      pausedUntilMs: this.pausedUntilMs,
      startedAtMs: this.startedAtMs,
      nowMs: this.clock.now(),
    };
  }

  status(config: AppConfig | null, running: boolean): ScheduleStatus {
    const input = this.scheduleInput(config);
    const { intervalHours, at } = input;
    const next = this.state.stopped ? null : nextRunAtMs(input);
    return {
      intervalHours,
      at,
      lastRunAt: iso(this.state.lastAnyRunAtMs ?? this.state.lastRunAtMs),
      nextRunAt: iso(next),
      pausedUntil: iso(this.pauseEndMs()),
      stopped: this.state.stopped,
      running,
    };
  }

  private async save(next: State): Promise<void> {
    this.state = next;
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n');
  }
}

async function readState(file: string): Promise<State | null> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The latest instant a Date can hold: "held until started again", as a time the schedule can compare. */
const STOPPED_HOLD_MS = 8_640_000_000_000_000;

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
