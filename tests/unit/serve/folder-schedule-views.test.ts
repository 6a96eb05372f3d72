/**
 * Where a folder with its own `schedule:` shows its next run (issue 16 item 1): the config reads it, and
 * `headroom status`, `/api/cleanup/schedule/status`, `/api/v1/cleanup/status` and `/metrics` list it.
 */
import { describe, expect, it } from 'vitest';
import { configFileSchema } from '../../../shared/config-schema.js';
import { normaliseConfig } from '../../../electron/engine/config/normalise-config.js';
import { renderStatus } from '../../../electron/headless/commands/status-command.js';
import { formatLocalTime } from '../../../shared/format.js';
import { scheduleView } from '../../../electron/headless/serve/cleanup-api-views.js';
import { prometheusFamilies } from '../../../electron/headless/serve/prometheus-metrics.js';
import { emptyTotals } from '../../../electron/engine/history/cleanup-totals.js';
import { cleanupStatusView } from '../../../electron/headless/serve/v1-views.js';
import type { ScheduleStatus } from '../../../shared/types.js';
import { NOW_MS, folderStatus, snapshot } from '../../renderer/fixtures.js';

const RENDERS_NEXT = new Date(NOW_MS + 15 * 3_600_000).toISOString();
const OUTPUTS_NEXT = new Date(NOW_MS + 3 * 3_600_000).toISOString();

const schedule: ScheduleStatus = {
  intervalHours: 5,
  at: null,
  lastRunAt: null,
  nextRunAt: OUTPUTS_NEXT,
  pausedUntil: null,
  stopped: false,
  running: false,
  folders: [
    { name: 'outputs', own: false, intervalHours: 5, at: null, nextRunAt: OUTPUTS_NEXT },
    {
      name: 'renders',
      own: true,
      intervalHours: null,
      at: { minuteOfDay: 180, weekday: 0 },
      nextRunAt: RENDERS_NEXT,
    },
  ],
};
const snap = snapshot([folderStatus(), folderStatus({ name: 'renders' })], { schedule });

describe('a folder schedule in config.yaml', () => {
  it('reads the same three forms as the global one, and refuses a bad one in words', () => {
    const file = configFileSchema.parse({
      folders: [
        { name: 'a', path: '/x/a', max_files: 5, schedule: { weekly: { day: 'Sunday', at: '03:00' } } },
        { name: 'b', path: '/x/b', max_files: 5, schedule: { every_hours: 0 } },
        { name: 'c', path: '/x/c', max_files: 5 },
      ],
    });
    const config = normaliseConfig(file, { configDir: '/x', home: '/home/me' });
    expect(config.folders.map((f) => f.schedule ?? null)).toEqual([
      { intervalHours: null, at: { minuteOfDay: 180, weekday: 0 } },
      { intervalHours: null, at: null },
      null,
    ]);
    const bad = configFileSchema.safeParse({
      folders: [{ name: 'a', path: '/x/a', max_files: 5, schedule: { daily_at: '25:00' } }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['folders', 0, 'schedule', 'daily_at']);
    expect(bad.error?.issues[0]?.message).toMatch(/24-hour time like "03:00"/);
  });
});

describe("each folder's next run is shown", () => {
  it('by headroom status, under the global line', () => {
    const text = renderStatus(snap);
    // Human output shows local time in the CLI's one format (#15 item 8); ISO stays in --json.
    expect(text).toContain(
      `renders: its own schedule, Sundays at 03:00; next cleanup ${formatLocalTime(RENDERS_NEXT)}.`,
    );
    expect(text).not.toMatch(/outputs: its own schedule/);
  });

  it('by headroom status, in the words the dashboard and the tray use, when the schedule is stopped', () => {
    const stopped = snapshot([folderStatus()], { schedule: { ...schedule, stopped: true, nextRunAt: null } });
    expect(renderStatus(stopped)).toContain('; schedule stopped — cleanups run only when you ask.');
  });

  it('by the seed API and /api/v1/cleanup/status', () => {
    const seed = scheduleView(schedule, NOW_MS);
    expect(seed.next_cleanup_time).toBe(OUTPUTS_NEXT);
    expect(seed.folders).toContainEqual({
      name: 'renders',
      own: true,
      schedule: 'Sundays at 03:00',
      next_cleanup_time: RENDERS_NEXT,
    });
    const v1 = cleanupStatusView(snap, true, [], 0);
    expect(v1.scheduler.folders.map((f) => [f.name, f.next_cleanup_time])).toEqual([
      ['outputs', OUTPUTS_NEXT],
      ['renders', RENDERS_NEXT],
    ]);
  });

  it('by /metrics: the earliest as the global gauge, each folder labelled', () => {
    const families = prometheusFamilies(snap, emptyTotals());
    const global = families.find((f) => f.name === 'headroom_next_cleanup_timestamp_seconds');
    expect(global?.samples).toEqual([{ value: Date.parse(OUTPUTS_NEXT) / 1000 }]);
    const per = families.find((f) => f.name === 'headroom_folder_next_cleanup_timestamp_seconds');
    expect(per?.samples).toContainEqual({
      labels: { folder: 'renders' },
      value: Date.parse(RENDERS_NEXT) / 1000,
    });
  });
});
