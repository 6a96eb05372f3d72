/**
 * `schedule:` in config.yaml (issue 16, deliverable 1): every_hours, daily_at or weekly, read into the
 * scheduler's terms; misuse refused with a sentence at its line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfigText, type LoadResult } from '../../../electron/engine/config/load-config.js';
import { formatConfigIssue } from '../../../shared/config-issue.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

const FOLDERS = 'folders:\n  - name: a\n    path: a\n    max_files: 5\n';
const parse = (text: string): Promise<LoadResult> => parseConfigText(text + FOLDERS, world.file(), world.ctx);

async function read(text: string) {
  const result = await parse(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error.issues));
  return { hours: result.config.cleanupIntervalHours, at: result.config.scheduleAt ?? null };
}

async function problems(text: string): Promise<string[]> {
  const result = await parse(text);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.error.issues.map((i) => formatConfigIssue(i).slice(world.file().length + 1));
}

describe('schedule:', () => {
  it('daily_at, weekly and every_hours read as the scheduler needs them; the old key still works', async () => {
    expect(await read('schedule:\n  daily_at: "03:00"\n')).toEqual({
      hours: null,
      at: { minuteOfDay: 180, weekday: null },
    });
    expect(await read('schedule:\n  weekly: { day: Sunday, at: "4:30" }\n')).toEqual({
      hours: null,
      at: { minuteOfDay: 270, weekday: 0 },
    });
    expect(await read('schedule:\n  every_hours: 12\n')).toEqual({ hours: 12, at: null });
    expect(await read('schedule:\n  every_hours: 0\n')).toEqual({ hours: null, at: null });
    expect(await read('cleanup_interval_hours: 3\n')).toEqual({ hours: 3, at: null });
    expect(await read('')).toEqual({ hours: 5, at: null });
  });

  it('refuses what it cannot read, in words', async () => {
    expect(await problems('schedule:\n  daily_at: "25:00"\n')).toEqual([
      '2:13: schedule.daily_at must be a 24-hour time like "03:00" or "23:30"',
    ]);
    expect(await problems('schedule:\n  weekly: { day: someday, at: "03:00" }\n')).toEqual([
      '2:18: schedule.weekly.day must be a day of the week, like sunday',
    ]);
    expect(await problems('schedule:\n  daily_at: "03:00"\n  every_hours: 5\n')).toEqual([
      '2:3: schedule needs exactly one of every_hours, daily_at or weekly',
    ]);
    const both = await problems('cleanup_interval_hours: 5\nschedule:\n  daily_at: "03:00"\n');
    expect(both).toHaveLength(1);
    expect(both[0]).toMatch(/use either schedule or cleanup_interval_hours, not both/);
  });
});
