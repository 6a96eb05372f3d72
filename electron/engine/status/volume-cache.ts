/** Free space per folder volume, read with statfs at most once per `ttlMs` per path (changes arrive 4× a second). */
import type { FolderStatus } from '../../../shared/types.js';
import type { Clock } from '../ports.js';
import { volumeSpace } from './volume-space.js';

export type VolumeReader = (path: string, floorPercent: number) => Promise<FolderStatus['volume']>;

export class VolumeCache {
  private readonly entries = new Map<
    string,
    { atMs: number; floorPercent: number; volume: FolderStatus['volume'] }
  >();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 5000,
    private readonly read: VolumeReader = volumeSpace,
  ) {}

  async get(path: string, floorPercent: number): Promise<FolderStatus['volume']> {
    const nowMs = this.clock.now();
    const cached = this.entries.get(path);
    if (cached && cached.floorPercent === floorPercent && nowMs - cached.atMs < this.ttlMs)
      return cached.volume;
    const volume = await this.read(path, floorPercent);
    this.entries.set(path, { atMs: nowMs, floorPercent, volume });
    return volume;
  }
}
