/**
 * Where the folder a bind mount shows really is, from the kernel's mount table. `mount --bind /etc/ssh
 * /srv/x` makes /srv/x the same folder as /etc/ssh, which neither its path nor a comparison with the
 * identity of /etc reveals. Linux only: elsewhere the table is empty and identity checks stand alone.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { atOrInside, isInside, type PathRules } from './path-rules.js';

/** One line of /proc/self/mountinfo: which folder (`root`) of which file system is shown where. */
export interface Mount {
  /** `major:minor` of the file system. */
  device: string;
  /** The folder of that file system shown at `mountPoint` (`/` unless it is a bind mount or subvolume). */
  root: string;
  mountPoint: string;
}

const POSIX: PathRules = { api: path.posix, caseInsensitive: false };
/** At most this many other paths are followed (a table full of bind mounts of one file system). */
const MAX_PATHS = 64;

/** The mounts of a mountinfo text (`id parent major:minor root mount-point options … - type source …`). */
export function parseMountInfo(text: string): Mount[] {
  const unescape = (s: string) =>
    s.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const [device, root, mountPoint] = [fields[2], fields[3], fields[4]];
    if (device && root?.startsWith('/') && mountPoint?.startsWith('/')) {
      mounts.push({ device, root: unescape(root), mountPoint: unescape(mountPoint) });
    }
  }
  return mounts;
}

/** This process's mounts; none where there is no /proc/self/mountinfo. */
export async function readMountTable(): Promise<Mount[]> {
  if (process.platform !== 'linux') return [];
  return fs.readFile('/proc/self/mountinfo', 'utf8').then(parseMountInfo, () => []);
}

/**
 * The other paths of the folder at real path `p` when it is shown by a bind mount: its path through each
 * other mount of the same file system that shows a folder above it (the whole file system at its usual
 * place, another bind mount), and theirs in turn. Empty when `p` is on no bind mount or its source is
 * mounted nowhere else.
 */
export function boundSources(p: string, mounts: readonly Mount[]): string[] {
  const found = [p];
  for (let i = 0; i < found.length && found.length <= MAX_PATHS; i++) {
    const current = found[i]!;
    const mount = mountOf(current, mounts);
    if (!mount || mount.root === '/') continue;
    const source = path.posix.join(mount.root, path.posix.relative(mount.mountPoint, current));
    for (const host of mounts) {
      if (host === mount || host.device !== mount.device || !atOrInside(source, host.root, POSIX)) continue;
      const next = path.posix.join(host.mountPoint, path.posix.relative(host.root, source));
      if (!found.includes(next)) found.push(next);
    }
  }
  return found.slice(1);
}

/** The mount points strictly inside real path `p`. */
export function mountPointsInside(p: string, mounts: readonly Mount[]): string[] {
  return [...new Set(mounts.map((m) => m.mountPoint).filter((mp) => isInside(mp, p, POSIX)))];
}

/** The mount `p` is on: the deepest mount point at or above it; of several there, the last (on top). */
function mountOf(p: string, mounts: readonly Mount[]): Mount | undefined {
  let found: Mount | undefined;
  for (const m of mounts) {
    if (!atOrInside(p, m.mountPoint, POSIX)) continue;
    if (!found || m.mountPoint.length >= found.mountPoint.length) found = m;
  }
  return found;
}
