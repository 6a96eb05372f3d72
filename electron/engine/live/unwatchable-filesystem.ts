/**
 * Filesystems where inotify does not see every change (changes made by another machine or by the remote
 * end of a FUSE mount): a folder on one of them is rescanned periodically instead of watched.
 */
import { statfs } from 'node:fs/promises';

/** Linux `statfs.f_type` magic numbers (linux/magic.h and the filesystems' own headers). */
const REMOTE_FS_TYPES = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x65735546, 'FUSE'],
  [0x01021997, '9p'],
  [0x5346414f, 'AFS'],
  [0x00c36400, 'Ceph'],
  [0x0bd00bd0, 'Lustre'],
  [0x47504653, 'GPFS'],
]);

/**
 * Why `root` should be polled rather than watched, in a sentence; null when watching it is fine
 * (or the type cannot be read, in which case a watch error still triggers the fallback).
 */
export async function unwatchableFilesystemReason(root: string): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  try {
    const kind = REMOTE_FS_TYPES.get((await statfs(root)).type);
    return kind === undefined
      ? null
      : `the folder is on a ${kind} filesystem, where changes made elsewhere are not reported`;
  } catch {
    return null;
  }
}
