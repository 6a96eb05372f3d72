/**
 * The schedule under a manual clock (a fake at the Clock port): days of schedule in milliseconds. The
 * cleanup service, history and schedule state are real, over an empty temp folder.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CleanupService } from '../../../electron/engine/cleanup/cleanup-service.js';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import { ScheduleState } from '../../../electron/engine/schedule/schedule-state.js';
import { Scheduler } from '../../../electron/engine/schedule/scheduler.js';
import type { AppConfig, ClockSchedule } from '../../../shared/types.js';
import { makeTempDir } from '../../support/make-tree.js';
import { manualClock } from '../../support/manual-clock.js';
import type { ManualClock } from '../../support/manual-clock.js';
import { appConfig } from '../../support/app-config.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 23, 9, 0, 0);

let dir: string;
let cleanup: () => Promise<void>;
const schedulers: Scheduler[] = [];

beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-sched-')));
afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) {
    scheduler.dispose();
    await scheduler.idle();
  }
  await cleanup();
});

function config(cleanupOnStartup: boolean, cleanupIntervalHours: number | null = 5): AppConfig {
  const rules = {
    name: 'temp',
    path: join(dir, 'temp'),
    maxSizeBytes: null,
    maxFiles: 10,
    maxAgeDays: null,
    minAgeMinutes: 10,
    sizeTargetPercent: 80,
    exclude: [],
    protect: [],
    action: 'delete' as const,
    enabled: true,
    caseSensitiveGlobs: true,
    kind: 'files' as const,
    manifestFile: null,
    retentionHours: null,
  };
  return appConfig({
    cleanupOnStartup,
    cleanupIntervalHours,
    folders: [rules, { ...rules, name: 'outputs', path: join(dir, 'outputs') }],
  });
}

/** Builds a scheduler as the engine does; `lastRunAtMs` stands for a previous life of the app. */
async function setup(options: {
  cleanupOnStartup: boolean;
  lastRunAtMs?: number;
  clock?: ManualClock;
  /** null: scheduled cleanup is off (Chatterbox's `cleanup_interval_hours: 0`). */
  intervalHours?: number | null;
  /** A schedule by the clock (`daily_at`, `weekly`) instead of the interval. */
  at?: ClockSchedule;
  /** Only the `temp` folder, so a run of it covers every folder. */
  oneFolder?: boolean;
}) {
  const clock = options.clock ?? manualClock(START);
  await mkdir(join(dir, 'temp'), { recursive: true });
  await mkdir(join(dir, 'outputs'), { recursive: true });
  const { store: history } = await HistoryStore.open(join(dir, 'history.jsonl'));
  const state = await ScheduleState.open(join(dir, 'schedule.json'), history, clock);
  if (options.lastRunAtMs !== undefined) await state.recordRun(options.lastRunAtMs);
  // Wired as the engine wires it: the schedule notes every run the cleanup service records.
  const service = new CleanupService({ history, clock, emit: () => {} });
  const base = options.at
    ? { ...config(options.cleanupOnStartup, null), scheduleAt: options.at }
    : config(options.cleanupOnStartup, options.intervalHours);
  const cfg = options.oneFolder ? { ...base, folders: base.folders.slice(0, 1) } : base;
  service.onFinished((record, scope) => state.noteRun(record, scope, cfg));
  const scheduler = new Scheduler({
    state,
    clock,
    config: () => cfg,
    runCleanup: (trigger, folders) => service.run(cfg, { trigger, folders }),
    onError: (error) => {
      throw error;
    },
  });
  schedulers.push(scheduler);
  const triggers = async () => {
    await service.settle();
    return (await history.list({})).runs.map((r) => r.trigger).reverse();
  };
  return { clock, scheduler, service, state, triggers, cfg };
}

/** Waits until the runs the timers started have finished and been recorded. */
async function drain(scheduler: Scheduler): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await scheduler.idle();
}

describe('Scheduler (manual clock)', () => {
  it('cleans at start-up, then every interval after the last run', async () => {
    const { clock, scheduler, triggers } = await setup({ cleanupOnStartup: true });
    scheduler.start();
    await drain(scheduler);
    expect(await triggers()).toEqual(['startup']);
    clock.advance(5 * HOUR - 1000);
    await drain(scheduler);
    expect(await triggers()).toEqual(['startup']);
    clock.advance(61_000);
    await drain(scheduler);
    expect(await triggers()).toEqual(['startup', 'schedule']);
  });

  it('a restart before the deadline keeps the deadline instead of counting from start-up', async () => {
    const { clock, scheduler, triggers } = await setup({
      cleanupOnStartup: false,
      lastRunAtMs: START - 2 * HOUR,
    });
    scheduler.start();
    await drain(scheduler);
    clock.advance(3 * HOUR - 60_000);
    await drain(scheduler);
    expect(await triggers()).toEqual([]);
    clock.advance(2 * 60_000);
    await drain(scheduler);
    expect(await triggers()).toEqual(['schedule']);
  });

  it('a restart after the deadline runs once, at once', async () => {
    const { clock, scheduler, triggers } = await setup({
      cleanupOnStartup: false,
      lastRunAtMs: START - 7 * HOUR,
    });
    scheduler.start();
    clock.advance(1);
    await drain(scheduler);
    expect(await triggers()).toEqual(['schedule']);
    clock.advance(4 * HOUR);
    await drain(scheduler);
    expect(await triggers()).toEqual(['schedule']);
  });

  it('after sleeping across several intervals, an overdue run happens once', async () => {
    const { clock, scheduler, triggers } = await setup({
      cleanupOnStartup: false,
      lastRunAtMs: START - HOUR,
    });
    scheduler.start();
    await drain(scheduler);
    clock.jump(3 * 24 * HOUR); // suspended: timers did not run
    clock.advance(60_000); // the wall-clock re-check fires after waking
    await drain(scheduler);
    clock.advance(60_000);
    await drain(scheduler);
    expect(await triggers()).toEqual(['schedule']);
    clock.advance(5 * HOUR);
    await drain(scheduler);
    expect(await triggers()).toEqual(['schedule', 'schedule']);
  });

  it('a manual request at the moment the deadline fires and the scheduled run are one run', async () => {
    const { clock, scheduler, service, triggers, cfg } = await setup({
      cleanupOnStartup: false,
      lastRunAtMs: START - 5 * HOUR + 1000,
    });
    scheduler.start();
    const manual = service.run(cfg, { trigger: 'manual' });
    clock.advance(1000);
    await drain(scheduler);
    const record = await manual;
    // One run, the manual one; over an empty folder it removed nothing, so history does not keep it
    // (issue 12), but the schedule counts from it all the same.
    expect(record.trigger).toBe('manual');
    expect(await triggers()).toEqual([]);
    expect(scheduler.nextRunAtMs()).toBe(Date.parse(record.startedAt) + 5 * HOUR);
  });

  it('a pause holds automatic cleanup until it ends', async () => {
    const { clock, scheduler, triggers } = await setup({
      cleanupOnStartup: false,
      lastRunAtMs: START,
    });
    scheduler.start();
    await scheduler.pause(START + 8 * HOUR);
    clock.advance(6 * HOUR);
    await drain(scheduler);
    expect(await triggers()).toEqual([]);
    clock.advance(2 * HOUR + 60_000);
    await drain(scheduler);
    expect(await triggers()).toEqual(['schedule']);
  });

  it('emergency cleanups of a folder are at least 10 minutes apart', async () => {
    const { clock, scheduler, triggers } = await setup({
      cleanupOnStartup: false,
      lastRunAtMs: START,
    });
    scheduler.start();
    expect(scheduler.emergency('temp')).toBe(true);
    await drain(scheduler);
    clock.advance(9 * 60_000);
    expect(scheduler.emergency('temp')).toBe(false);
    clock.advance(60_000);
    expect(scheduler.emergency('temp')).toBe(true);
    await drain(scheduler);
    expect(await triggers()).toEqual(['emergency', 'emergency']);
  });

  it('an emergency seen before the schedule starts is covered by the start-up run', async () => {
    const { scheduler, triggers } = await setup({ cleanupOnStartup: true });
    expect(scheduler.emergency('temp')).toBe(false);
    scheduler.start();
    await drain(scheduler);
    expect(await triggers()).toEqual(['startup']);
  });

  it('shows an emergency run as the last cleanup without moving the deadline', async () => {
    const { clock, scheduler, state, triggers, cfg } = await setup({
      cleanupOnStartup: false,
      lastRunAtMs: START,
    });
    scheduler.start();
    clock.advance(HOUR);
    expect(scheduler.emergency('temp')).toBe(true);
    await drain(scheduler);
    expect(await triggers()).toEqual(['emergency']);
    const status = state.status(cfg, false);
    expect(status.lastRunAt).toBe(new Date(START + HOUR).toISOString());
    expect(status.nextRunAt).toBe(new Date(START + 5 * HOUR).toISOString());
  });

  it('an emergency run of the only folder does not move the deadline either: the schedule still runs', async () => {
    const { clock, scheduler, state, triggers, cfg } = await setup({
      cleanupOnStartup: false,
      lastRunAtMs: START,
      oneFolder: true,
    });
    scheduler.start();
    clock.advance(HOUR);
    expect(scheduler.emergency('temp')).toBe(true);
    await drain(scheduler);
    expect(state.status(cfg, false).nextRunAt).toBe(new Date(START + 5 * HOUR).toISOString());
    clock.advance(4 * HOUR + 61_000);
    await drain(scheduler);
    expect(await triggers()).toEqual(['emergency', 'schedule']);
  });

  it('with scheduled cleanup off, nothing runs on a schedule, ever; start-up and emergencies still do', async () => {
    const { clock, scheduler, state, triggers, cfg } = await setup({
      cleanupOnStartup: true,
      intervalHours: null,
      lastRunAtMs: START - 7 * HOUR,
    });
    scheduler.start();
    await drain(scheduler);
    expect(await triggers()).toEqual(['startup']);
    for (let day = 0; day < 400; day++) {
      clock.advance(24 * HOUR);
      await drain(scheduler);
    }
    expect(await triggers()).toEqual(['startup']);
    expect(scheduler.emergency('temp')).toBe(true);
    await drain(scheduler);
    expect(await triggers()).toEqual(['startup', 'emergency']);
    const status = state.status(cfg, false);
    expect(status.intervalHours).toBeNull();
    expect(status.nextRunAt).toBeNull();
  });

  it('with scheduled cleanup off and no start-up cleanup, nothing runs at all', async () => {
    const { clock, scheduler, triggers } = await setup({ cleanupOnStartup: false, intervalHours: null });
    scheduler.start();
    clock.advance(10 * 24 * HOUR);
    await drain(scheduler);
    expect(await triggers()).toEqual([]);
    expect(scheduler.nextRunAtMs()).toBeNull();
  });

  it('daily at 02:30 in Berlin: once a day, and once on the spring-forward day, at 03:00', async () => {
    // 27 March 2026, 12:00 in Berlin; clocks go from 02:00 to 03:00 on Sunday 29 March.
    const clock = manualClock(Date.UTC(2026, 2, 27, 11, 0), 'Europe/Berlin');
    const at = { minuteOfDay: 150, weekday: null };
    const { scheduler, state, triggers, cfg } = await setup({ cleanupOnStartup: false, at, clock });
    scheduler.start();
    const deadlines: number[] = [];
    for (let day = 0; day < 3; day++) {
      const next = scheduler.nextRunAtMs() as number;
      deadlines.push(next);
      clock.advance(next - clock.now());
      await drain(scheduler);
    }
    expect(deadlines).toEqual([
      Date.UTC(2026, 2, 28, 1, 30),
      Date.UTC(2026, 2, 29, 1, 0),
      Date.UTC(2026, 2, 30, 0, 30),
    ]);
    expect(await triggers()).toEqual(['schedule', 'schedule', 'schedule']);
    expect(state.status(cfg, false)).toMatchObject({
      intervalHours: null,
      at,
      nextRunAt: new Date(Date.UTC(2026, 2, 31, 0, 30)).toISOString(),
    });
  });

  it('weekly on Sunday at 03:00: a machine off over Sunday runs once when it starts, then next Sunday', async () => {
    // Last run Sunday 7 June 2026, 03:00 UTC; the machine starts again Wednesday 17 June.
    const clock = manualClock(Date.UTC(2026, 5, 17, 9, 0));
    const at = { minuteOfDay: 180, weekday: 0 };
    const { scheduler, triggers } = await setup({
      cleanupOnStartup: false,
      at,
      clock,
      lastRunAtMs: Date.UTC(2026, 5, 7, 3, 0),
    });
    scheduler.start();
    clock.advance(1);
    await drain(scheduler);
    expect(await triggers()).toEqual(['schedule']);
    expect(scheduler.nextRunAtMs()).toBe(Date.UTC(2026, 5, 21, 3, 0));
    clock.advance(3 * 24 * HOUR);
    await drain(scheduler);
    expect(await triggers()).toEqual(['schedule']);
  });
});
