import { describe, expect, it } from 'vitest';
import { lowDiskRules, volumeIsLow } from '../../../electron/core/low-disk.js';
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
    expect(volumeIsLow({ freeBytes: 4 * GB, totalBytes: 100 * GB }, 5, null)).toBe(true);
    expect(volumeIsLow({ freeBytes: 5 * GB, totalBytes: 100 * GB }, 5, null)).toBe(false);
    expect(volumeIsLow({ freeBytes: 9 * GB, totalBytes: 100 * GB }, 5, 10 * GB)).toBe(true);
    expect(volumeIsLow({ freeBytes: 0, totalBytes: 0 }, 5, 10 * GB)).toBe(false);
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
