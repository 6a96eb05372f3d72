/**
 * Files open for writing by any process this one can see (Linux: `/proc/PID/fd` with the access mode from
 * `/proc/PID/fdinfo`). A file still being written, even one whose last write was an hour ago, is kept
 * (`why: in-use`). Other users' processes are visible only to root; elsewhere the set is empty and the
 * README says so.
 */
import fs from 'node:fs';

const O_ACCMODE = 0o3;
const O_RDONLY = 0;
/** How long one look at /proc is trusted before it is taken again, in ms of a monotonic clock. */
const FRESH_MS = 1000;

/** `dev:ino` of every regular file open for writing, on `dev` only. */
export function readOpenWriters(dev: number, ownPid = process.pid): Set<string> {
  const found = new Set<string>();
  if (process.platform !== 'linux') return found;
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== ownPid);
  } catch {
    return found;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's process seen without root
    }
    for (const fd of fds) addIfWriter(found, pid, fd, dev);
  }
  return found;
}

function addIfWriter(found: Set<string>, pid: string, fd: string, dev: number): void {
  try {
    const info = fs.readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'latin1');
    const flags = /^flags:\s*([0-7]+)/m.exec(info);
    if (!flags || (Number.parseInt(flags[1] as string, 8) & O_ACCMODE) === O_RDONLY) return;
    const st = fs.statSync(`/proc/${pid}/fd/${fd}`);
    if (st.isFile() && st.dev === dev) found.add(`${st.dev}:${st.ino}`);
  } catch {
    // The descriptor closed meanwhile.
  }
}

/** A view of the open writers that is re-read when older than a second. */
export function openWriterCheck(dev: number, now = () => performance.now()) {
  let set: Set<string> | null = null;
  let readAt = -Infinity;
  return (ino: number): boolean => {
    if (set === null || now() - readAt > FRESH_MS) {
      set = readOpenWriters(dev);
      readAt = now();
    }
    return set.has(`${dev}:${ino}`);
  };
}
