/**
 * One Headroom process owns a data folder at a time: it alone writes history and schedule state, marks
 * crashed runs as interrupted, and cleans. A second process (a `headroom clean` while the tray app runs)
 * sees the owner and stays read-only instead of marking the owner's live run as interrupted.
 *
 * The lock file appears with its whole content in one step: the content goes to a temp file, which is then
 * hard-linked to the lock's name (`link` fails with EEXIST atomically), so no reader ever sees it empty or
 * half written. It names the owner by pid, start time and boot id (see process-identity.ts), so a lock left
 * before a reboot, or whose pid now belongs to another process, is recognised as stale and taken over.
 */
import { constants, promises as fs } from 'node:fs';
import { tempTag } from './temp-tag.js';
import { join } from 'node:path';
import { isSameProcessAlive, readProcessIdentity } from './process-identity.js';
import type { ProcessIdentity } from './process-identity.js';

export const LOCK_FILE = 'headroom.lock';

export interface InstanceLock {
  /** True when this process owns the data folder. */
  primary: boolean;
  /** The owner's pid when another process owns it. */
  ownerPid: number | null;
  release(): Promise<void>;
}

/** Rounds of "create, else judge the owner, else take over"; contention settles in two or three. */
const MAX_ATTEMPTS = 20;

export async function acquireInstanceLock(dataDir: string, pid = process.pid): Promise<InstanceLock> {
  const file = join(dataDir, LOCK_FILE);
  const text = formatLock(await readProcessIdentity(pid));
  const temp = join(dataDir, `${LOCK_FILE}.${pid}.${tempTag()}.tmp`);
  await writeDurably(temp, text);
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await linkNew(temp, file)) {
        return { primary: true, ownerPid: null, release: () => releaseIfOurs(file, text) };
      }
      const held = await readHeld(file).catch(() => undefined);
      if (held === null) continue; // released meanwhile
      if (held === undefined) break; // unreadable (not a file?): leave it, stay read-only
      const { owner } = held;
      // A lock naming this very pid is from a previous life of it (or a second acquire in this process).
      if (owner !== null && owner.pid !== pid && (await isSameProcessAlive(owner))) {
        return { primary: false, ownerPid: owner.pid, release: async () => {} };
      }
      await takeOver(file, held, temp);
    }
    return { primary: false, ownerPid: null, release: async () => {} };
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

/** `PID\n`, then `start=TICKS\n` and `boot=ID\n` where known. A lock of older versions is the first line only. */
function formatLock(me: ProcessIdentity): string {
  const start = me.startTicks === null ? '' : `start=${me.startTicks}\n`;
  const boot = me.bootId === null ? '' : `boot=${me.bootId}\n`;
  return `${me.pid}\n${start}${boot}`;
}

/** The owner a lock names, or null when the text is not a lock (then it is stale). */
function parseLock(text: string): ProcessIdentity | null {
  const [first, ...rest] = text.split('\n');
  if (!first || !/^\d+$/.test(first.trim())) return null;
  const pid = Number(first.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  const fields = new Map(rest.map((line) => line.split('=', 2) as [string, string | undefined]));
  return { pid, startTicks: fields.get('start') ?? null, bootId: fields.get('boot') ?? null };
}

/** A lock file as read: its text and the identity of the file itself, to remove only that very file. */
interface HeldLock {
  text: string;
  owner: ProcessIdentity | null;
  ino: bigint;
  mtimeNs: bigint;
}

async function readHeld(file: string): Promise<HeldLock | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const stats = await handle.stat({ bigint: true });
    const text = await handle.readFile('utf8');
    return { text, owner: parseLock(text), ino: stats.ino, mtimeNs: stats.mtimeNs };
  } finally {
    await handle.close();
  }
}

/**
 * Removes the stale lock `held`, unless someone else already did. "Unlink if it is still that file" is not
 * one system call, so takers first claim this very file (a claim named after its inode and mtime, created
 * exclusively): only the claim's holder checks and unlinks, and a fresh lock is never removed in its place.
 * A claim left by a taker that died is cleared by the same rule as a stale lock.
 */
async function takeOver(file: string, held: HeldLock, temp: string): Promise<void> {
  const claim = `${file}.${held.ino}-${held.mtimeNs}.takeover`;
  if (!(await linkNew(temp, claim))) {
    const other = await readHeld(claim);
    if (other && (other.owner === null || !(await isSameProcessAlive(other.owner)))) {
      await unlinkIfSame(claim, other);
    }
    await pause();
    return;
  }
  try {
    await unlinkIfSame(file, held);
  } finally {
    await fs.unlink(claim).catch(() => undefined);
  }
}

async function unlinkIfSame(file: string, held: HeldLock): Promise<void> {
  const now = await readHeld(file);
  if (now && now.ino === held.ino && now.mtimeNs === held.mtimeNs && now.text === held.text) {
    await fs.unlink(file).catch(() => undefined);
  }
}

/** Creates `target` as a link to `temp`; false when it exists. Without hard links: an exclusive copy. */
async function linkNew(temp: string, target: string): Promise<boolean> {
  try {
    await fs.link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  try {
    await fs.copyFile(temp, target, constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The temp file, private to its user and on disk before it is linked in. */
async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await fs.open(file, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
}

async function releaseIfOurs(file: string, text: string): Promise<void> {
  const held = await readHeld(file).catch(() => null);
  if (held?.text === text) await fs.unlink(file).catch(() => undefined);
}
