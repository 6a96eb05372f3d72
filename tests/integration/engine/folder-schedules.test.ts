/**
 * Per-folder schedules (issue 16 item 1) under a manual clock (a fake at the Clock port): a folder with
 * its own `schedule:` runs at its own deadline, kept per folder in the schedule state file across
 * restarts, DST-correct, an overdue run once; one run covers the folders due together. The cleanup
 * service, history and schedule state are real, over a temp data folder.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CleanupService } from '../../../electron/engine/cleanup/cleanup-service.js';
import { HistoryStore } from '../../../electron/engine/history/history-store.js';
import { ScheduleState } from '../../../electron/engine/schedule/schedule-state.js';
import { Scheduler } from '../../../electron/engine/schedule/scheduler.js';
import type { AppConfig, FolderRules, FolderSchedule } from '../../../shared/types.js';
import { makeTempDir } from '../../support/make-tree.js';
import { manualClock, type ManualClock } from '../../support/manual-clock.js';
import { folderRules } from '../../support/folder-rules.js';
import { appConfig } from '../../support/app-config.js';

const HOUR = 3_600_000;
const STEP_MS = 5 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

let dir: string;
let cleanup: () => Promise<void>;
const open: { scheduler: Scheduler; history: HistoryStore }[] = [];

beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-folder-sched-')));
afterEach(async () => {
  await stopAll();
  await cleanup();
});

async function stopAll(): Promise<void> {
  for (const { scheduler, history } of open.splice(0)) {
    scheduler.dispose();
    await scheduler.idle();
    await history.close();
  }
}

function folder(name: string, schedule?: FolderSchedule): FolderRules {
  return folderRules({ name, path: join(dir, name), maxFiles: 10, ...(schedule ? { schedule } : {}) });
}

/** Global: every 5 hours. `temp` follows it; `renders` runs daily at 02:30 local; `cache` every 2 hours. */
function config(): AppConfig {
  return appConfig({
    folders: [
      folder('temp'),
      folder('renders', { intervalHours: null, at: { minuteOfDay: 150, weekday: null } }),
      folder('cache', { intervalHours: 2, at: null }),
    ],
  });
}

/** One life of the app over the same data folder, wired as the engine wires it. */
async function start(clock: ManualClock, cfg: AppConfig = config()) {
  for (const f of cfg.folders) await mkdir(f.path, { recursive: true });
  const { store: history } = await HistoryStore.open(join(dir, 'history.jsonl'));
  const state = await ScheduleState.open(join(dir, 'schedule.json'), history, clock);
  const service = new CleanupService({ history, clock, emit: () => {} });
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
  open.push({ scheduler, history });
  scheduler.start();
  const drain = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    await scheduler.idle();
  };
  /**
   * Moves time on five minutes at a time (no two deadlines here are closer), letting each run the timers start finish: a run takes real I/O,
   * and one `advance` over hours would otherwise jump past the deadlines that come while it runs.
   */
  const advance = async (ms: number) => {
    for (let left = ms; left > 0; left -= STEP_MS) {
      clock.advance(Math.min(STEP_MS, left));
      await drain();
    }
  };
  /** The folders of each run, oldest run first. */
  const runs = async () => {
    await drain();
    return (await history.list({})).runs
      .map((r) =>
        r.folders
          .map((f) => f.name)
          .sort()
          .join('+'),
      )
      .reverse();
  };
  return { scheduler, state, runs, cfg, advance };
}

describe('per-folder schedules (manual clock at the port)', () => {
  it('runs each folder at its own deadline; folders due together share one run', async () => {
    // Friday 27 March 2026, 12:00 in Berlin (11:00 UTC).
    const clock = manualClock(Date.UTC(2026, 2, 27, 11, 0), 'Europe/Berlin');
    const { runs, state, cfg, advance } = await start(clock);
    const next = () =>
      Object.fromEntries((state.status(cfg, false).folders ?? []).map((f) => [f.name, f.nextRunAt]));
    expect(next()).toEqual({
      temp: iso(Date.UTC(2026, 2, 27, 16, 0)),
      renders: iso(Date.UTC(2026, 2, 28, 1, 30)),
      cache: iso(Date.UTC(2026, 2, 27, 13, 0)),
    });
    expect(state.status(cfg, false).nextRunAt).toBe(iso(Date.UTC(2026, 2, 27, 13, 0)));

    await advance(2 * HOUR);
    expect(await runs()).toEqual(['cache']);
    await advance(2 * HOUR);
    expect(await runs()).toEqual(['cache', 'cache']);
    await advance(HOUR);
    expect(await runs()).toEqual(['cache', 'cache', 'temp']);
    await advance(HOUR);
    // 17:00 UTC: cache's deadline (15:00 + 2 h); temp's is 21:00.
    expect(await runs()).toEqual(['cache', 'cache', 'temp', 'cache']);
    await advance(4 * HOUR);
    // 21:00 UTC: cache (ran at 19:00) and temp (16:00 + 5 h) are due at once: one run of both.
    expect((await runs()).slice(4)).toEqual(['cache', 'cache+temp']);
    expect(next().renders).toBe(iso(Date.UTC(2026, 2, 28, 1, 30)));
  });

  it('keeps each folder its own deadline across a restart, in the schedule state file', async () => {
    const clock = manualClock(Date.UTC(2026, 2, 27, 11, 0), 'Europe/Berlin');
    const first = await start(clock);
    await first.advance(Date.UTC(2026, 2, 28, 1, 30) - clock.now());
    expect((await first.runs()).filter((r) => r.includes('renders'))).toEqual(['renders']);
    await stopAll();
    const file = JSON.parse(await readFile(join(dir, 'schedule.json'), 'utf8'));
    expect(file.folderLastRunAtMs.renders).toBe(Date.UTC(2026, 2, 28, 1, 30));

    // Started again two hours later: renders waits for the next day's 02:30.
    clock.jump(2 * HOUR);
    const second = await start(clock);
    const renders = second.state.status(second.cfg, false).folders?.find((f) => f.name === 'renders');
    expect(renders).toMatchObject({ own: true, at: { minuteOfDay: 150, weekday: null } });
    // 29 March is the spring-forward day: 02:30 does not exist and the run comes once, at 03:00 CEST.
    expect(renders?.nextRunAt).toBe(iso(Date.UTC(2026, 2, 29, 1, 0)));
    await second.advance(Date.UTC(2026, 2, 29, 1, 0) - clock.now() + HOUR);
    expect((await second.runs()).filter((r) => r.includes('renders'))).toHaveLength(2);
  });

  it('after a long shutdown, every overdue folder runs once, in one run', async () => {
    const clock = manualClock(Date.UTC(2026, 2, 27, 11, 0), 'Europe/Berlin');
    const first = await start(clock);
    await first.advance(2 * HOUR);
    expect(await first.runs()).toEqual(['cache']);
    await stopAll();
    clock.jump(3 * 24 * HOUR);
    const second = await start(clock);
    await second.advance(1);
    expect(await second.runs()).toEqual(['cache', 'cache+renders+temp']);
    await second.advance(HOUR);
    expect(await second.runs()).toEqual(['cache', 'cache+renders+temp']);
  });

  it('stopping the schedule stops every folder; starting resumes them all', async () => {
    const clock = manualClock(Date.UTC(2026, 2, 27, 11, 0), 'Europe/Berlin');
    const { state, runs, cfg, scheduler, advance } = await start(clock);
    await state.setStopped(true);
    scheduler.rearm();
    expect(state.status(cfg, false).folders?.map((f) => f.nextRunAt)).toEqual([null, null, null]);
    await advance(30 * HOUR);
    expect(await runs()).toEqual([]);
    await state.setStopped(false);
    scheduler.rearm();
    await advance(1);
    expect(await runs()).toEqual(['cache+renders+temp']);
  });
});
