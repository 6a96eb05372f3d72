/** Free space of the volume that holds a folder (statfs). Null where it cannot be read. */
import { statfs } from 'node:fs/promises';
import type { FolderStatus } from '../../../shared/types.js';
import { volumeIsLow } from '../../core/low-disk.js';

export async function volumeSpace(path: string, floorPercent: number): Promise<FolderStatus['volume']> {
  try {
    const s = await statfs(path);
    const totalBytes = s.blocks * s.bsize;
    const freeBytes = s.bavail * s.bsize;
    if (!(totalBytes > 0)) return null;
    // Low is decided in core, the one place for it; this reading knows only the percent floor.
    return { freeBytes, totalBytes, low: volumeIsLow({ freeBytes, totalBytes }, floorPercent, null) };
  } catch {
    return null;
  }
}
