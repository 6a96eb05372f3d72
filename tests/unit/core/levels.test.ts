import { describe, expect, it } from 'vitest';
import {
  folderUsage,
  INITIAL_ALERT_STATE,
  levelFor,
  nextAlertState,
  type AlertState,
} from '../../../electron/core/levels.js';
import type { FolderLimits, Level } from '../../../shared/types.js';
import { MS_PER_DAY } from '../../../shared/units.js';

const NOW_MS = Date.UTC(2025, 0, 1);
const limits = (l: Partial<FolderLimits>): FolderLimits => ({
  maxSizeBytes: null,
  maxFiles: null,
  maxAgeDays: null,
  ...l,
});

describe('folderUsage', () => {
  it.each([
    {
      what: 'size only',
      stats: { sizeBytes: 410, fileCount: 3, oldestMtimeMs: NOW_MS },
      limits: limits({ maxSizeBytes: 500 }),
      usage: { size: 82, count: null, age: null },
      percent: 82,
    },
    {
      what: 'the highest of three',
      stats: { sizeBytes: 100, fileCount: 150, oldestMtimeMs: NOW_MS - 3.5 * MS_PER_DAY },
      limits: limits({ maxSizeBytes: 1000, maxFiles: 200, maxAgeDays: 7 }),
      usage: { size: 10, count: 75, age: 50 },
      percent: 75,
    },
    {
      what: 'age over the limit: a policy, not capacity',
      stats: { sizeBytes: 1, fileCount: 1, oldestMtimeMs: NOW_MS - 14 * MS_PER_DAY },
      limits: limits({ maxSizeBytes: 1000, maxAgeDays: 7 }),
      usage: { size: 0.1, count: null, age: 200 },
      percent: 0.1,
    },
    {
      what: 'an age-only folder whose oldest file is 6 of 7 days old, as after a cleanup',
      stats: { sizeBytes: 500, fileCount: 12, oldestMtimeMs: NOW_MS - 6 * MS_PER_DAY },
      limits: limits({ maxAgeDays: 7 }),
      usage: { size: null, count: null, age: (6 / 7) * 100 },
      percent: 0,
    },
    {
      what: 'an empty folder',
      stats: { sizeBytes: 0, fileCount: 0, oldestMtimeMs: null },
      limits: limits({ maxSizeBytes: 1000, maxFiles: 10, maxAgeDays: 7 }),
      usage: { size: 0, count: 0, age: 0 },
      percent: 0,
    },
    {
      what: 'a file from the future',
      stats: { sizeBytes: 0, fileCount: 1, oldestMtimeMs: NOW_MS + MS_PER_DAY },
      limits: limits({ maxAgeDays: 7 }),
      usage: { size: null, count: null, age: 0 },
      percent: 0,
    },
  ])('$what', ({ stats, limits: l, usage, percent }) => {
    const result = folderUsage(stats, l, NOW_MS);
    expect(result.usage).toEqual(usage);
    expect(result.usagePercent).toBeCloseTo(percent, 9);
  });
});

describe('levelFor', () => {
  it.each([
    [0, 80, 'ok'],
    [79.99, 80, 'ok'],
    [80, 80, 'warning'],
    [99.99, 80, 'warning'],
    [100, 80, 'over'],
    [250, 80, 'over'],
    [99, 100, 'ok'],
    [100, 100, 'over'],
  ] as const)('%s%% with threshold %s → %s', (percent, threshold, level) => {
    expect(levelFor(percent, threshold)).toBe(level);
  });
});

/** Feeds readings through the hysteresis and returns what each reading raised. */
function raises(readings: number[], thresholdPercent = 80): (Level | null)[] {
  let state: AlertState = INITIAL_ALERT_STATE;
  return readings.map((percent) => {
    const next = nextAlertState(state, percent, thresholdPercent);
    state = next.state;
    return next.raise;
  });
}

describe('nextAlertState', () => {
  it.each([
    {
      what: 'hovering 79↔81 warns exactly once',
      readings: [79, 81, 79, 81, 79, 81],
      expected: [null, 'warning', null, null, null, null],
    },
    {
      what: 'dropping 5 points below re-arms',
      readings: [81, 76, 81, 75, 81],
      expected: ['warning', null, null, null, 'warning'],
    },
    {
      what: 'warning then over raises once more',
      readings: [85, 90, 100, 105, 99, 101],
      expected: ['warning', null, 'over', null, null, null],
    },
    { what: 'ok straight to over raises over only', readings: [10, 120, 90], expected: [null, 'over', null] },
    { what: 'over, re-armed, then over again', readings: [120, 50, 120], expected: ['over', null, 'over'] },
    { what: 'full at start-up notifies once', readings: [95, 95, 95], expected: ['warning', null, null] },
  ])('$what', ({ readings, expected }) => {
    expect(raises(readings)).toEqual(expected);
  });

  it('re-arms at 0 when the threshold is 5 or less', () => {
    expect(raises([4, 2, 4, 0, 4], 3)).toEqual(['warning', null, null, null, 'warning']);
  });
});
