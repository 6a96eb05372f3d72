/**
 * Low disk as a trigger (DESIGN.md "Scheduling"; issue 16): when the volume that holds managed folders runs
 * below its free-space floor, the folders on it give back what their own rules allow, down to their size
 * targets. Pure decisions; the timer and statfs are the engine's (status/low-disk-guard.ts).
 */
import type { FolderRules } from '../../shared/types.js';

/** Free and total bytes of one volume. */
export interface VolumeSpace {
  freeBytes: number;
  totalBytes: number;
}

/**
 * True when the volume has less free than the floor: under `floorPercent` of its size, or under
 * `floorBytes` when that is set (either one is enough). A volume whose size cannot be read is never low.
 */
export function volumeIsLow(volume: VolumeSpace, floorPercent: number, floorBytes: number | null): boolean {
  if (!(volume.totalBytes > 0)) return false;
  if (floorBytes !== null && volume.freeBytes < floorBytes) return true;
  return (volume.freeBytes / volume.totalBytes) * 100 < floorPercent;
}

/**
 * The rules a low-disk cleanup plans a folder with: its size target becomes the limit, so the run brings
 * the folder down to `sizeTargetPercent` of `max_size_gb` now, not only once it is over the limit. Every
 * other rule (age, count, protect, grace period, kind) is the folder's own. A folder without a size limit
 * gives what its own limits already allow.
 */
export function lowDiskRules(rules: FolderRules): FolderRules {
  if (rules.maxSizeBytes === null) return rules;
  const targetBytes = Math.floor((rules.maxSizeBytes * rules.sizeTargetPercent) / 100);
  return { ...rules, maxSizeBytes: targetBytes, sizeTargetPercent: 100 };
}
