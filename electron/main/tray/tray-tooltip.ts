/** The tray tooltip: one line per folder, in absolute units ("outputs 4.1 GB of 5 GB (82%)"). */
import { formatBytes, formatCount, formatDuration, formatPercent } from '../../../shared/format.js';
import { scanningOf, scanningText } from '../../../shared/folder-scanning.js';
import type { FolderStatus, Snapshot } from '../../../shared/types.js';

/**
 * One folder's usage against the capacity limit that drives it, for people; a folder with only an age
 * limit says how many files are past it (the next run removes them) or how old its oldest file is.
 */
export function describeFolderUsage(folder: FolderStatus, nowMs: number): string {
  if (!folder.enabled) return `${folder.name}: disabled`;
  const scanning = scanningOf(folder);
  if (scanning !== null) return `${folder.name}: ${scanningText(scanning).toLowerCase()}`;
  if (!folder.exists) return `${folder.name}: folder not found`;
  if (folder.error !== null) return `${folder.name}: cannot be read`;
  const percent = `(${formatPercent(folder.usagePercent)})`;
  const { size, count } = folder.usage;
  const { maxSizeBytes, maxFiles, maxAgeDays } = folder.limits;
  const highest = Math.max(size ?? -1, count ?? -1);
  if (size !== null && size === highest && maxSizeBytes !== null) {
    return `${folder.name} ${formatBytes(folder.sizeBytes)} of ${formatBytes(maxSizeBytes)} ${percent}`;
  }
  if (count !== null && count === highest && maxFiles !== null) {
    return `${folder.name} ${formatCount(folder.fileCount)} of ${formatCount(maxFiles)} files ${percent}`;
  }
  if (maxAgeDays !== null && (folder.filesPastMaxAge ?? 0) > 0) {
    return `${folder.name} ${formatCount(folder.filesPastMaxAge ?? 0)} past ${maxAgeDays} days, removed at the next run`;
  }
  if (maxAgeDays !== null && folder.oldestMtimeMs !== null) {
    const oldest = formatDuration(Math.max(0, nowMs - folder.oldestMtimeMs));
    return `${folder.name} oldest file ${oldest} of ${maxAgeDays} days`;
  }
  return `${folder.name} ${formatBytes(folder.sizeBytes)}`;
}

/** The whole tooltip: a title line saying what the app is doing, then one line per folder. */
export function buildTooltip(snapshot: Snapshot | null, engineError: string | null, nowMs: number): string {
  if (engineError !== null) return `Headroom could not start: ${engineError}`;
  if (snapshot === null) return 'Headroom is starting…';
  const title = snapshot.cleaning
    ? 'Headroom: cleaning…'
    : snapshot.configError !== null
      ? 'Headroom: config.yaml has a problem'
      : 'Headroom';
  const lines = snapshot.folders.map((folder) => describeFolderUsage(folder, snapshot.takenAtMs || nowMs));
  return [title, ...(lines.length > 0 ? lines : ['No folders configured'])].join('\n');
}

/** Windows cuts tooltips at 127 characters; drop whole lines and say how many are missing instead. */
export function truncateTooltip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const lines = text.split('\n');
  for (let keep = lines.length - 1; keep >= 1; keep--) {
    const more = `+${lines.length - keep} more`;
    const candidate = [...lines.slice(0, keep), more].join('\n');
    if (candidate.length <= maxChars) return candidate;
  }
  return `${text.slice(0, maxChars - 1)}…`;
}
