/** The sentences of warnings, in absolute units: "outputs holds 4.1 GB of 5 GB (82%)". */
import { formatBytes, formatCount, formatDuration, formatPercent } from '../../../shared/format.js';
import type { FolderStatus } from '../../../shared/types.js';
import { MS_PER_DAY } from '../../../shared/units.js';

/** Describes the limit that drives the folder's usage (the highest of the three). */
export function usageMessage(status: FolderStatus, nowMs: number): string {
  const { usage, limits, name } = status;
  const percent = formatPercent(status.usagePercent);
  const top = Math.max(usage.size ?? -1, usage.count ?? -1, usage.age ?? -1);
  if (usage.size === top && limits.maxSizeBytes !== null) {
    return `${name} holds ${formatBytes(status.sizeBytes)} of ${formatBytes(limits.maxSizeBytes)} (${percent})`;
  }
  if (usage.count === top && limits.maxFiles !== null) {
    return `${name} holds ${formatCount(status.fileCount)} of ${formatCount(limits.maxFiles)} files (${percent})`;
  }
  if (limits.maxAgeDays !== null && status.oldestMtimeMs !== null) {
    const age = formatDuration(Math.max(0, nowMs - status.oldestMtimeMs));
    const limit = formatDuration(limits.maxAgeDays * MS_PER_DAY);
    return `${name}'s oldest file is ${age} old, against a limit of ${limit} (${percent})`;
  }
  return `${name} is at ${percent} of its limits`;
}

/** "the volume of outputs has 3.2 GB free (4%)". */
export function lowDiskMessage(name: string, volume: { freeBytes: number; totalBytes: number }): string {
  const percent = volume.totalBytes > 0 ? (volume.freeBytes / volume.totalBytes) * 100 : 100;
  return `the volume of ${name} has ${formatBytes(volume.freeBytes)} free (${formatPercent(percent)})`;
}
