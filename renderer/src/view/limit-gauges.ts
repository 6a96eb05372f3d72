import { formatBytes, formatCount, formatDuration } from '../../../shared/format.js';
import type { FolderStatus, Level } from '../../../shared/types.js';
import { MS_PER_DAY } from '../../../shared/units.js';

export type LimitKind = 'size' | 'files' | 'age';

/** One gauge: a folder's usage of one of its limits, with the absolute numbers people read. */
export interface LimitGauge {
  kind: LimitKind;
  /** Accessible name, e.g. "outputs size". */
  label: string;
  percent: number;
  /** Absolute numbers, e.g. "4.1 GB of 5 GB", "150 of 200 files", "oldest 3 days of 7 days". */
  text: string;
  level: Level;
}

/** The DESIGN.md levels: warning at or above the threshold, over at or above 100%. */
export function levelFor(percent: number, warningThresholdPercent: number): Level {
  if (percent >= 100) return 'over';
  return percent >= warningThresholdPercent ? 'warning' : 'ok';
}

/** A gauge per limit the folder has set, in the order size, files, age. */
export function limitGauges(
  folder: FolderStatus,
  nowMs: number,
  warningThresholdPercent: number,
): LimitGauge[] {
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
  const { maxSizeBytes, maxFiles, maxAgeDays } = folder.limits;
  if (maxSizeBytes !== null) {
    add('size', folder.usage.size, `${formatBytes(folder.sizeBytes)} of ${formatBytes(maxSizeBytes)}`);
  }
  if (maxFiles !== null) {
    add('files', folder.usage.count, `${formatCount(folder.fileCount)} of ${formatCount(maxFiles)} files`);
  }
  if (maxAgeDays !== null) {
    const limit = formatDuration(maxAgeDays * MS_PER_DAY);
    const text =
      folder.oldestMtimeMs === null
        ? `no files (limit ${limit})`
        : `oldest ${formatDuration(Math.max(0, nowMs - folder.oldestMtimeMs))} of ${limit}`;
    add('age', folder.usage.age, text);
  }
  return gauges;
}
