/** The sentences of warnings, in absolute units: "outputs holds 4.1 GB of 5 GB (82%)". */
import { formatBytes, formatCount, formatPercent } from '../../../shared/format.js';
import type { FolderStatus } from '../../../shared/types.js';

/** Describes the capacity limit that drives the folder's usage (size or count; age is not capacity). */
export function usageMessage(status: FolderStatus): string {
  const { usage, limits, name } = status;
  const percent = formatPercent(status.usagePercent);
  const top = Math.max(usage.size ?? -1, usage.count ?? -1);
  if (usage.size === top && limits.maxSizeBytes !== null) {
    return `${name} holds ${formatBytes(status.sizeBytes)} of ${formatBytes(limits.maxSizeBytes)} (${percent})`;
  }
  if (usage.count === top && limits.maxFiles !== null) {
    return `${name} holds ${formatCount(status.fileCount)} of ${formatCount(limits.maxFiles)} files (${percent})`;
  }
  return `${name} is at ${percent} of its limits`;
}

/** "the volume of outputs has 3.2 GB free (4%)". */
export function lowDiskMessage(name: string, volume: { freeBytes: number; totalBytes: number }): string {
  const percent = volume.totalBytes > 0 ? (volume.freeBytes / volume.totalBytes) * 100 : 100;
  return `the volume of ${name} has ${formatBytes(volume.freeBytes)} free (${formatPercent(percent)})`;
}
