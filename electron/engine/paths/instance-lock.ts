/**
 * One Headroom process owns a data folder at a time: it alone writes history and schedule state, marks
 * crashed runs as interrupted, and cleans. A second process (a `headroom clean` while the tray app runs)
 * sees the owner and stays read-only instead of marking the owner's live run as interrupted.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.js';

export const LOCK_FILE = 'headroom.lock';

export interface InstanceLock {
  /** True when this process owns the data folder. */
  primary: boolean;
  /** The owner's pid when another process owns it. */
  ownerPid: number | null;
  release(): Promise<void>;
}

export async function acquireInstanceLock(dataDir: string, pid = process.pid): Promise<InstanceLock> {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await tryCreate(file, pid))
      return { primary: true, ownerPid: null, release: () => releaseIfOurs(file, pid) };
    const owner = await readOwner(file);
    if (owner !== null && owner !== pid && isProcessAlive(owner)) {
      return { primary: false, ownerPid: owner, release: async () => {} };
    }
    // A stale lock from a process that died (or our own from a previous life with the same pid).
    await unlink(file).catch(() => undefined);
  }
  return { primary: false, ownerPid: null, release: async () => {} };
}

async function tryCreate(file: string, pid: number): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(`${pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(file: string): Promise<number | null> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

async function releaseIfOurs(file: string, pid: number): Promise<void> {
  if ((await readOwner(file)) === pid) await unlink(file).catch(() => undefined);
}
