/**
 * Low disk as a trigger (issue 16): every `intervalMs` (30 s) each volume holding an enabled folder is
 * read with statfs, whether or not anything changed inside the folders, since a disk is mostly filled from
 * outside them. A volume below the floor gets one low-disk cleanup of its folders, then none for the
 * cooldown; while cleanups there free nothing, the cooldown doubles (up to 6 hours), so a disk Headroom
 * cannot help is not rescanned every 10 minutes.
 */
import { stat, statfs } from 'node:fs/promises';
import { freeSpaceFloor, volumeIsLow, type VolumeSpace } from '../../core/low-disk.js';
import type { AppConfig } from '../../../shared/types.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../../shared/units.js';
import type { Clock, Disposer } from '../ports.js';

/** One volume as seen through a folder on it: its device number and its space. */
export interface VolumeReading extends VolumeSpace {
  dev: number;
}

/** Reads the volume that holds `path`; null when it cannot be read (a missing folder). */
export type VolumeProbe = (path: string) => Promise<VolumeReading | null>;

export const LOW_DISK_CHECK_MS = 30_000;
export const LOW_DISK_COOLDOWN_MS = 10 * MS_PER_MINUTE;
const MAX_COOLDOWN_MS = 6 * MS_PER_HOUR;

export interface LowDiskGuardDeps {
  clock: Clock;
  config: () => AppConfig | null;
  /** Cleans `folders` (all on one low volume) and resolves to the bytes the run gave back. */
  onLow: (folders: string[], volume: VolumeReading) => Promise<number>;
  probe?: VolumeProbe;
  intervalMs?: number;
}

export const statfsProbe: VolumeProbe = async (path) => {
  try {
    const [st, space] = await Promise.all([stat(path), statfs(path)]);
    return { dev: st.dev, freeBytes: space.bavail * space.bsize, totalBytes: space.blocks * space.bsize };
  } catch {
    return null;
  }
};

export class LowDiskGuard {
  private timer: Disposer | null = null;
  private disposed = false;
  /** Per volume (device): no low-disk cleanup before this time, and the wait after the next one. */
  private readonly quietUntil = new Map<number, { untilMs: number; cooldownMs: number }>();

  constructor(private readonly deps: LowDiskGuardDeps) {}

  start(): void {
    this.arm();
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.();
    this.timer = null;
  }

  /** Reads every volume once and cleans those below the floor; resolves when their cleanups are done. */
  async check(): Promise<void> {
    const config = this.deps.config();
    if (config === null || (config.onLowDisk ?? 'clean') !== 'clean') return;
    const probe = this.deps.probe ?? statfsProbe;
    const volumes = new Map<number, { reading: VolumeReading; folders: string[] }>();
    for (const folder of config.folders) {
      if (!folder.enabled) continue;
      const reading = await probe(folder.path);
      if (reading === null) continue;
      const entry = volumes.get(reading.dev) ?? { reading, folders: [] };
      entry.folders.push(folder.name);
      volumes.set(reading.dev, entry);
    }
    const floor = freeSpaceFloor(config);
    for (const [dev, { reading, folders }] of volumes) {
      if (!volumeIsLow(reading, floor)) {
        this.quietUntil.delete(dev);
        continue;
      }
      const nowMs = this.deps.clock.now();
      const quiet = this.quietUntil.get(dev);
      if (quiet && nowMs < quiet.untilMs) continue;
      const freedBytes = await this.deps.onLow(folders, reading);
      const cooldownMs =
        freedBytes > 0 || !quiet ? LOW_DISK_COOLDOWN_MS : Math.min(quiet.cooldownMs * 2, MAX_COOLDOWN_MS);
      this.quietUntil.set(dev, { untilMs: this.deps.clock.now() + cooldownMs, cooldownMs });
    }
  }

  private arm(): void {
    if (this.disposed) return;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      void this.check()
        .catch(() => undefined)
        .finally(() => this.arm());
    }, this.deps.intervalMs ?? LOW_DISK_CHECK_MS);
  }
}
