import { describe, expect, it } from 'vitest';
import {
  lowDiskRules,
  nextLowDiskState,
  volumeIsLow,
  type LowDiskState,
} from '../../../electron/core/low-disk.js';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import type { FileEntry, FolderRules } from '../../../shared/types.js';
import { folderRules } from '../../support/folder-rules.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';

const GB = 1024 ** 3;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29);

const rules: FolderRules = folderRules({ name: 'outputs', maxSizeBytes: 10 * 1000, minAgeMinutes: 10 });

/** n files of 1,000 bytes, the first the oldest. */
const files = (n: number): FileEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `take-${i}.wav`,
    sizeBytes: 1000,
    mtimeMs: NOW - (n - i) * DAY,
    dev: 1,
    ino: i + 1,
  }));

describe('volumeIsLow', () => {
  it('is low under the percent floor, or under the byte floor when one is set', () => {
    const volume = (freeGb: number, totalGb = 100) => ({ freeBytes: freeGb * GB, totalBytes: totalGb * GB });
    expect(volumeIsLow(volume(4), { percent: 5, bytes: null })).toBe(true);
    expect(volumeIsLow(volume(5), { percent: 5, bytes: null })).toBe(false);
    expect(volumeIsLow(volume(9), { percent: 5, bytes: 10 * GB })).toBe(true);
    expect(volumeIsLow(volume(0), { percent: 0, bytes: null })).toBe(false);
    expect(volumeIsLow(volume(0, 0), { percent: 5, bytes: 10 * GB })).toBe(false);
  });
});

describe('nextLowDiskState', () => {
  /** Feeds free space in percent of a 1,000-byte volume; returns what each reading raised. */
  const raised = (floor: { percent: number; bytes: number | null }, freePercents: number[]) => {
    let state: LowDiskState = { notified: false };
    return freePercents.map((freePercent) => {
      const next = nextLowDiskState(state, { freeBytes: freePercent * 10, totalBytes: 1000 }, floor);
      state = next.state;
      return next.raise;
    });
  };

  it('notifies once per dip under the percent floor and re-arms 2 points above it', () => {
    expect(raised({ percent: 5, bytes: null }, [6, 4.9, 5.5, 4.5, 6.5, 7, 4])).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('notifies under the byte floor too, re-arming 2 points of the volume above it', () => {
    // A 100-byte floor is 10% of this volume; the percent floor (0) is off.
    expect(raised({ percent: 0, bytes: 100 }, [20, 9, 11, 9, 12, 9])).toEqual([
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('lowDiskRules', () => {
  it('cleans a folder under its limit down to its size target, oldest first', () => {
    // 9 of 10 KB: under the limit, so an ordinary run removes nothing; on low disk, down to 8 KB.
    expect(planFolder(columnsOf(files(9)), rules, NOW).remove).toEqual([]);
    const plan = planFolder(columnsOf(files(9)), lowDiskRules(rules), NOW);
    expect(plan.remove.map((r) => r.path)).toEqual(['take-0.wav']);
    expect(plan.remove.every((r) => r.reason === 'size')).toBe(true);
  });

  it('leaves a folder without a size limit to its own rules, and young files alone', () => {
    const countOnly = { ...rules, maxSizeBytes: null, maxFiles: 100 };
    expect(lowDiskRules(countOnly)).toBe(countOnly);
    const young = files(9).map((f) => ({ ...f, mtimeMs: NOW - 60_000 }));
    expect(planFolder(columnsOf(young), lowDiskRules(rules), NOW).remove).toEqual([]);
  });
});
