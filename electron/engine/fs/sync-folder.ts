/**
 * Makes a rename or a new directory entry durable by fsyncing the folder. Windows cannot open a folder
 * for fsync, and there a rename is durable enough; some file systems refuse it, when the data itself is
 * already on disk.
 */
import { promises as fs } from 'node:fs';

export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Refused by this file system: nothing more to do.
  } finally {
    await handle.close();
  }
}
