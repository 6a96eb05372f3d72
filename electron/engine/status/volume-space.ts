/** Free space of the volume that holds a folder (statfs). Null where it cannot be read. */
import { statfs } from 'node:fs/promises';
import type { FolderStatus } from '../../../shared/types.js';
import { volumeIsLow, type FreeSpaceFloor } from '../../core/low-disk.js';

export async function volumeSpace(path: string, floor: FreeSpaceFloor): Promise<FolderStatus['volume']> {
  try {
    const s = await statfs(path);
    const totalBytes = s.blocks * s.bsize;
    const freeBytes = s.bavail * s.bsize;
    if (!(totalBytes > 0)) return null;
    // Low is decided in core, on the same floor the low-disk guard cleans at.
    return { freeBytes, totalBytes, low: volumeIsLow({ freeBytes, totalBytes }, floor) };
  } catch {
    return null;
  }
}
