/**
 * The schedule's memory across restarts (DESIGN.md "Scheduling"): when the last automatic or manual run
 * started, in all and per folder (a folder with its own `schedule:` counts its deadline from its own
 * last run), when automatic cleanup is paused until, and each folder's last emergency cleanup. Kept in a
 * small JSON file written atomically; a damaged file falls back to the history's last completed run.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { nextRunAtMs, type ScheduleInput } from '../../core/schedule.js';
import type {
  AppConfig,
  FolderRules,
  FolderScheduleStatus,
  RunRecord,
  ScheduleStatus,
} from '../../../shared/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { HistoryStore } from '../history/history-store.js';
import { machineTimeZone, type Clock } from '../ports.js';
import { PARSED_ONCE } from '../../../shared/parse-once.js';

const stateSchema = z.object({
  /**
   * Start of the last run that covered every folder following the global schedule: their deadline counts
   * from it.
   */
  lastRunAtMs: z.number().nullable().catch(null),
  /** Start of the last run that covered each folder: a folder's own schedule counts from it. */
  folderLastRunAtMs: z.record(z.string(), z.number()).catch({}),
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
      folderLastRunAtMs: {},
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
   * Called after every cleanup (the cleanup service's after-run hook), whatever started it. A real run
   * moves the deadline of each folder with its own schedule that it covered, and the global deadline when
   * it covered every enabled folder that follows the global schedule; it always shows as the last
   * cleanup. An emergency or low-disk run never moves a deadline, even of the only folder: it answers one
   * folder's crossing (as often as every 10 minutes), and the schedule's own runs must still come.
   */
  async noteRun(
    record: RunRecord,
    scope: { allFolders: boolean; rules: readonly FolderRules[] },
    config: AppConfig | null,
  ): Promise<void> {
    if (record.dryRun) return;
    const atMs = Date.parse(record.startedAt);
    const answersAnAlarm = record.trigger === 'emergency' || record.trigger === 'low-disk';
    if (answersAnAlarm) return this.save({ ...this.state, lastAnyRunAtMs: atMs });
    const covered = new Set(scope.rules.map((f) => f.name));
    const followers = (config?.folders ?? []).filter((f) => f.enabled && !f.schedule);
    const coversGlobal =
      scope.allFolders || (followers.length > 0 && followers.every((f) => covered.has(f.name)));
    const folderLastRunAtMs = { ...this.state.folderLastRunAtMs };
    for (const name of covered) folderLastRunAtMs[name] = atMs;
    await this.save({
      ...this.state,
      lastRunAtMs: coversGlobal ? atMs : this.state.lastRunAtMs,
      lastAnyRunAtMs: atMs,
      folderLastRunAtMs,
    });
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

  /** What the global deadline depends on, under `config` (the default 5-hour interval when there is none yet). */
  scheduleInput(config: AppConfig | null): ScheduleInput {
    return {
      lastRunAtMs: this.state.lastRunAtMs,
      intervalHours: config ? config.cleanupIntervalHours : 5,
      at: config?.scheduleAt ?? null,
      ...this.zoneFor(config?.scheduleAt ?? null),
      pausedUntilMs: this.pausedUntilMs,
      startedAtMs: this.startedAtMs,
      nowMs: this.clock.now(),
    };
  }

  /**
   * What one folder's deadline depends on: its own schedule, counted from its own last run (or, never
   * run on its own, from the last run of all), or the global one.
   */
  folderInput(config: AppConfig | null, folder: FolderRules): ScheduleInput {
    const global = this.scheduleInput(config);
    if (!folder.schedule) return global;
    return {
      ...global,
      lastRunAtMs: this.state.folderLastRunAtMs[folder.name] ?? this.state.lastRunAtMs,
      intervalHours: folder.schedule.intervalHours,
      at: folder.schedule.at,
      ...this.zoneFor(folder.schedule.at),
    };
  }

  /**
   * The time zone, only for a schedule at a local time of day: reading it wakes ICU, CPU time that an
   * interval schedule (and a `headroom status` on one) never needs (bench/PERFORMANCE.md, the CLI's fixed cost).
   */
  private zoneFor(at: ScheduleInput['at']): Pick<ScheduleInput, 'timeZone'> {
    return at ? { timeZone: this.clock.timeZone?.() ?? machineTimeZone() } : {};
  }

  /** Each enabled folder's next scheduled run (ms; null: off). Without a config: none. */
  folderDeadlines(config: AppConfig | null): { folder: FolderRules; nextRunAtMs: number | null }[] {
    return (config?.folders ?? [])
      .filter((folder) => folder.enabled)
      .map((folder) => ({ folder, nextRunAtMs: nextRunAtMs(this.folderInput(config, folder)) }));
  }

  status(config: AppConfig | null, running: boolean): ScheduleStatus {
    const input = this.scheduleInput(config);
    const { intervalHours, at } = input;
    const stopped = this.state.stopped;
    const folders = this.folderDeadlines(config).map(
      ({ folder, nextRunAtMs: next }): FolderScheduleStatus => ({
        name: folder.name,
        own: Boolean(folder.schedule),
        intervalHours: folder.schedule ? folder.schedule.intervalHours : intervalHours,
        at: (folder.schedule ? folder.schedule.at : at) ?? null,
        nextRunAt: stopped ? null : iso(next),
      }),
    );
    return {
      intervalHours,
      at,
      lastRunAt: iso(this.state.lastAnyRunAtMs ?? this.state.lastRunAtMs),
      nextRunAt: stopped ? null : iso(earliest(config, input, folders)),
      pausedUntil: iso(this.pauseEndMs()),
      stopped,
      running,
      ...(config ? { folders } : {}),
    };
  }

  private async save(next: State): Promise<void> {
    this.state = next;
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n');
  }
}

async function readState(file: string): Promise<State | null> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')), PARSED_ONCE);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The latest instant a Date can hold: "held until started again", as a time the schedule can compare. */
const STOPPED_HOLD_MS = 8_640_000_000_000_000;

/**
 * The earliest deadline of every folder; with no folder (or no config yet), the global one, so a
 * Headroom without folders still says when it would run.
 */
function earliest(
  config: AppConfig | null,
  global: ScheduleInput,
  folders: FolderScheduleStatus[],
): number | null {
  if (!config || folders.length === 0) return nextRunAtMs(global);
  const times = folders.flatMap((f) => (f.nextRunAt === null ? [] : [Date.parse(f.nextRunAt)]));
  return times.length === 0 ? null : Math.min(...times);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
