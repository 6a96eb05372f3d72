/**
 * The synchronous walk a scan worker runs. Synchronous fs calls are the fast path (no promise per entry) and
 * cost nothing here: the worker's thread has nothing else to do, and the host's event loop is elsewhere.
 */
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { PackedFilesBuilder } from '../index/packed-files.js';
import { loadScanAddon } from '../removal/native-dir-fs.js';
import { packByteList, unpackByteList } from './byte-list.js';
import { describe, join, otherDevice, RELATIVE_PATH_BYTES } from './walk-common.js';
import { walkDirsNative } from './walk-dirs-native.js';
import type { UnreadableDir, WalkChunk, WalkTask } from './scan-types.js';

/**
 * Walks `task.dirs` depth first; stops after `task.budgetEntries` entries and returns the rest as pending.
 * Through the addon's directory handles where it is built (walk-dirs-native.ts), else by path.
 */
export function walkDirs(task: WalkTask, shareWanted: () => boolean = () => false): WalkChunk {
  const addon = loadScanAddon();
  return addon ? walkDirsNative(task, addon, shareWanted) : walkDirsByPath(task, shareWanted);
}

/** The walk by path (no addon: Windows, or no C compiler); `shareWanted` as in walkDirsNative. */
export function walkDirsByPath(task: WalkTask, shareWanted: () => boolean = () => false): WalkChunk {
  const root = Buffer.from(task.root.buffer, task.root.byteOffset, task.root.byteLength);
  // Sized once for the whole budget and posted untrimmed: every batch's columns are then the same few sizes,
  // allocated once and never copied to trim. Growing from small and trimming gave glibc a stream of
  // odd-sized blocks that it kept after they were freed (a million-file index held 270 MB, now 164 MB).
  const files = new PackedFilesBuilder(task.budgetEntries, task.budgetEntries * RELATIVE_PATH_BYTES);
  const walked: Uint8Array[] = [];
  const unreadable: UnreadableDir[] = [];
  // Reversed so the first folder handed out is walked first: chunks keep a stable, readable order.
  const stack = unpackByteList(task.dirs).reverse();
  let seen = 0;
  while (stack.length > 0 && seen < task.budgetEntries && !(stack.length > 1 && shareWanted())) {
    const rel = stack.pop() as Uint8Array;
    const dir = rel.length === 0 ? root : join(root, rel);
    const entries = readDir(dir, rel, unreadable);
    if (!entries) continue;
    walked.push(rel);
    seen += entries.length + 1;
    for (const entry of entries) {
      const failed = visit(entry, dir, root.length + 1, task.rootDev, files, stack, unreadable);
      // A folder that can be listed but not searched (r without x) fails every entry alike: report it once.
      if (failed) {
        unreadable.push(describe(rel, { code: failed }));
        break;
      }
    }
  }
  return {
    files: files.columns(),
    dirs: packByteList(walked),
    pending: packByteList(stack.reverse()),
    unreadable,
  };
}

/** Handles one entry; returns the error code when it could not be examined, null otherwise. */
function visit(
  entry: Dirent<Buffer>,
  dir: Buffer,
  relStart: number,
  rootDev: number,
  files: PackedFilesBuilder,
  stack: Uint8Array[],
  unreadable: UnreadableDir[],
): string | null {
  // Symlinks, sockets, fifos and devices are never candidates: no lstat needed to leave them out.
  if (!entry.isFile() && !entry.isDirectory()) return null;
  const full = join(dir, entry.name);
  let stat;
  try {
    stat = lstatSync(full, { throwIfNoEntry: false });
  } catch (error) {
    return errorCode(error);
  }
  if (!stat) return null; // removed since the folder was listed: gone, not an error
  const rel = full.subarray(relStart);
  if (stat.dev !== rootDev) {
    if (stat.isFile() || stat.isDirectory()) unreadable.push(describe(rel, otherDevice));
  } else if (stat.isFile()) {
    files.add(full, relStart, stat.size, stat.mtimeMs, stat.dev, stat.ino);
  } else if (stat.isDirectory()) {
    stack.push(rel);
  }
  return null;
}

function readDir(dir: Buffer, rel: Uint8Array, unreadable: UnreadableDir[]): Dirent<Buffer>[] | null {
  try {
    return readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    const code = errorCode(error);
    // Removed or replaced by a file while the walk ran: the watchers will see it; nothing to report.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') unreadable.push(describe(rel, { code }));
    return null;
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
