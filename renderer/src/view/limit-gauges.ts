import { formatBytes, formatCount, formatDuration } from '../../../shared/format.js';
import type { FolderStatus, Level } from '../../../shared/types.js';
import { MS_PER_DAY } from '../../../shared/units.js';

export type LimitKind = 'size' | 'files';

/** One gauge: a folder's usage of one of its limits, with the absolute numbers people read. */
export interface LimitGauge {
  kind: LimitKind;
  /** Accessible name, e.g. "outputs size". */
  label: string;
  percent: number;
  /** Absolute numbers, e.g. "4.1 GB of 5 GB", "150 of 200 files". */
  text: string;
  level: Level;
}

/** The DESIGN.md levels: warning at or above the threshold, over at or above 100%. */
export function levelFor(percent: number, warningThresholdPercent: number): Level {
  if (percent >= 100) return 'over';
  return percent >= warningThresholdPercent ? 'warning' : 'ok';
}

/**
 * A gauge per capacity limit the folder has set, size then files. An age limit has no gauge: it is a
 * policy the next run carries out (`agePolicyText`), never a level.
 */
export function limitGauges(folder: FolderStatus, warningThresholdPercent: number): LimitGauge[] {
  const gauges: LimitGauge[] = [];
  const add = (kind: LimitKind, percent: number | null, text: string) => {
    if (percent === null) return;
    gauges.push({
      kind,
      label: `${folder.name} ${kind}`,
      percent,
      text,
      level: levelFor(percent, warningThresholdPercent),
    });
  };
  const { maxSizeBytes, maxFiles } = folder.limits;
  if (maxSizeBytes !== null) {
    add('size', folder.usage.size, `${formatBytes(folder.sizeBytes)} of ${formatBytes(maxSizeBytes)}`);
  }
  if (maxFiles !== null) {
    add('files', folder.usage.count, `${formatCount(folder.fileCount)} of ${formatCount(maxFiles)} files`);
  }
  return gauges;
}

/**
 * The age limit in a sentence: "12 files past 7 days, removed at the next run." or "None past 7 days (the
 * oldest is 3 days old)."; null without an age limit.
 */
export function agePolicyText(folder: FolderStatus, nowMs: number): string | null {
  const { maxAgeDays } = folder.limits;
  if (maxAgeDays === null) return null;
  const limit = formatDuration(maxAgeDays * MS_PER_DAY);
  const past = folder.filesPastMaxAge ?? 0;
  if (past > 0) {
    return `${formatCount(past)} ${past === 1 ? 'file' : 'files'} past ${limit}, removed at the next run.`;
  }
  if (folder.oldestMtimeMs === null) return `None past ${limit}.`;
  const oldest = formatDuration(Math.max(0, nowMs - folder.oldestMtimeMs));
  return `None past ${limit} (the oldest is ${oldest} old).`;
}
