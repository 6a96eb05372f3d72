/**
 * Low disk as a trigger (DESIGN.md "Scheduling"; issue 16): when the volume that holds managed folders runs
 * below its free-space floor, the folders on it give back what their own rules allow, down to their size
 * targets; the snapshot and its warning call the volume low on the same floor. Pure decisions; the timer
 * and statfs are the engine's (status/low-disk-guard.ts, status/volume-space.ts).
 */
import { CONFIG_DEFAULTS } from '../../shared/config-schema.js';
import type { AppConfig, FolderRules } from '../../shared/types.js';

/** Free and total bytes of one volume. */
export interface VolumeSpace {
  freeBytes: number;
  totalBytes: number;
}

/** The free space a volume must keep: `percent` of its size and, when set, `bytes` as well. */
export interface FreeSpaceFloor {
  percent: number;
  bytes: number | null;
}

/** Points of the volume above the floor it must recover to before it can notify again. */
export const LOW_DISK_REARM_POINTS = 2;

/**
 * The floor a configuration sets (`free_space_floor_percent`, `free_space_floor_gb`): the one input every
 * reading of "low" takes, so the snapshot, the warning and the low-disk cleanup never disagree.
 */
export function freeSpaceFloor(config: AppConfig | null): FreeSpaceFloor {
  return {
    percent: config?.freeSpaceFloorPercent ?? CONFIG_DEFAULTS.free_space_floor_percent,
    bytes: config?.freeSpaceFloorBytes ?? null,
  };
}

/**
 * True when the volume has less free than the floor: under its percent of the volume's size, or under its
 * bytes when set (either one is enough). A floor of 0% never is low; nor is a volume whose size is unknown.
 */
export function volumeIsLow(volume: VolumeSpace, floor: FreeSpaceFloor): boolean {
  if (!(volume.totalBytes > 0)) return false;
  if (floor.bytes !== null && volume.freeBytes < floor.bytes) return true;
  return (volume.freeBytes / volume.totalBytes) * 100 < floor.percent;
}

/** Whether a volume has notified "low disk" since it was last re-armed. Start at `{ notified: false }`. */
export interface LowDiskState {
  notified: boolean;
}

/**
 * Hysteresis for a volume's low-disk notification: notifies when the volume becomes low, then stays quiet
 * until it is `LOW_DISK_REARM_POINTS` of its size above each floor it has (a volume filling and draining
 * around the floor would notify on every reading otherwise).
 */
export function nextLowDiskState(
  prev: LowDiskState,
  volume: VolumeSpace,
  floor: FreeSpaceFloor,
): { state: LowDiskState; raise: boolean } {
  if (volumeIsLow(volume, floor)) {
    return prev.notified ? { state: prev, raise: false } : { state: { notified: true }, raise: true };
  }
  const margin = (volume.totalBytes * LOW_DISK_REARM_POINTS) / 100;
  const rearmFloor = {
    percent: floor.percent > 0 ? floor.percent + LOW_DISK_REARM_POINTS : 0,
    bytes: floor.bytes === null ? null : floor.bytes + margin,
  };
  return { state: volumeIsLow(volume, rearmFloor) ? prev : { notified: false }, raise: false };
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
