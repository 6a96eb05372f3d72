/** Free space per folder volume, read with statfs at most once per `ttlMs` per path (changes arrive 4× a second). */
import type { FolderStatus } from '../../../shared/types.js';
import type { FreeSpaceFloor } from '../../core/low-disk.js';
import type { Clock } from '../ports.js';
import { volumeSpace } from './volume-space.js';

export type VolumeReader = (path: string, floor: FreeSpaceFloor) => Promise<FolderStatus['volume']>;

export class VolumeCache {
  private readonly entries = new Map<
    string,
    { atMs: number; floor: FreeSpaceFloor; volume: FolderStatus['volume'] }
  >();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 5000,
    private readonly read: VolumeReader = volumeSpace,
  ) {}

  async get(path: string, floor: FreeSpaceFloor): Promise<FolderStatus['volume']> {
    const nowMs = this.clock.now();
    const cached = this.entries.get(path);
    const sameFloor = cached?.floor.percent === floor.percent && cached.floor.bytes === floor.bytes;
    if (cached && sameFloor && nowMs - cached.atMs < this.ttlMs) return cached.volume;
    const volume = await this.read(path, floor);
    this.entries.set(path, { atMs: nowMs, floor, volume });
    return volume;
  }
}
