/**
 * What tells one process from another that later gets the same pid: on Linux, its start time (field 22 of
 * `/proc/PID/stat`, clock ticks after boot) and the boot it runs in (`/proc/sys/kernel/random/boot_id`).
 * Elsewhere neither is known and callers fall back to the pid alone.
 */
import { readFile } from 'node:fs/promises';
import { isProcessAlive } from './process-alive.js';

export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks after boot, as a decimal string; null where the platform does not say. */
  startTicks: string | null;
  /** The kernel's boot id; null where the platform does not say. */
  bootId: string | null;
}

/** The identity of the running process `pid` (only the pid where /proc is missing or hides it). */
export async function readProcessIdentity(pid: number): Promise<ProcessIdentity> {
  const [startTicks, bootId] = await Promise.all([readStartTicks(pid), readBootId()]);
  return { pid, startTicks, bootId };
}

/**
 * Whether the process `owner` describes still runs: its pid is alive and, where the owner recorded them
 * and this machine can tell, the boot and the pid's start time are the same. A pid reused after a reboot
 * or by a later process is not the owner.
 */
export async function isSameProcessAlive(owner: ProcessIdentity): Promise<boolean> {
  if (owner.bootId !== null) {
    const bootId = await readBootId();
    if (bootId !== null && bootId !== owner.bootId) return false;
  }
  if (!isProcessAlive(owner.pid)) return false;
  if (owner.startTicks === null) return true;
  const startTicks = await readStartTicks(owner.pid);
  // Unreadable (/proc mounted with hidepid, or the process just ended): the pid alone decides.
  return startTicks === null || startTicks === owner.startTicks;
}

async function readStartTicks(pid: number): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (text === null) return null;
  // The command name (field 2) is in parentheses and may itself hold spaces and ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const startTicks = fields[22 - 3];
  return startTicks !== undefined && /^\d+$/.test(startTicks) ? startTicks : null;
}

async function readBootId(): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  const text = await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => null);
  const bootId = text?.trim() ?? '';
  return /^[0-9a-f-]+$/.test(bootId) ? bootId : null;
}
