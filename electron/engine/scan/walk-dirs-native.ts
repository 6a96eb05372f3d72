/**
 * The walk through the removal addon's directory handles (native/src/headroom_fs.c `scanDirBeneath`):
 * each folder is opened beneath the root's descriptor with no symbolic link or mount point on the way, so
 * a folder swapped for a link while the scan runs is not followed out of the root; its entries are listed
 * and examined with `fstatat` relative to it, and come back as columns that go into the batch in a few
 * bulk copies: no object and no path join per file. The same walk as walk-dirs.ts by path, entry for
 * entry (tests/integration/scan compare them).
 */
import { PackedFilesBuilder } from './packed-files.js';
import type { ScanAddon } from '../removal/native-dir-fs.js';
import { packByteList, unpackByteList } from './byte-list.js';
import type { UnreadableDir, WalkChunk, WalkTask } from './scan-types.js';
import { describe, errnoCode, join, otherDevice, RELATIVE_PATH_BYTES } from './walk-common.js';

const NUL = 0;

/** The root, opened without following a link, and checked to be the folder the scan was started on. */
function openRoot(addon: ScanAddon, task: WalkTask): number {
  const fd = addon.openDir(Buffer.from(task.root.buffer, task.root.byteOffset, task.root.byteLength));
  const fields = new Float64Array(11);
  addon.statAt(fd, null, fields);
  if (fields[1] === task.rootDev && fields[2] === task.rootIno) return fd;
  addon.closeFd(fd);
  throw Object.assign(new Error('The folder was replaced while it was scanned.'), { code: 'ESTALE' });
}

/** Each NUL-ended name in `names`, as a view. */
function* namesIn(names: Buffer): Generator<Uint8Array> {
  for (let start = 0; start < names.length;) {
    const end = names.indexOf(NUL, start);
    yield names.subarray(start, end);
    start = end + 1;
  }
}

function childOf(rel: Uint8Array, name: Uint8Array): Uint8Array {
  return rel.length === 0 ? new Uint8Array(name) : join(rel, name);
}

/**
 * Walks `task.dirs` depth first until `task.budgetEntries` entries were seen, or until `shareWanted` says
 * another worker is idle while more than one folder is pending; returns the rest as pending.
 */
export function walkDirsNative(
  task: WalkTask,
  addon: ScanAddon,
  shareWanted: () => boolean = () => false,
  portable = false,
): WalkChunk {
  const files = new PackedFilesBuilder(task.budgetEntries, task.budgetEntries * RELATIVE_PATH_BYTES);
  const walked: Uint8Array[] = [];
  const unreadable: UnreadableDir[] = [];
  const stack = unpackByteList(task.dirs).reverse();
  let rootFd: number;
  try {
    rootFd = openRoot(addon, task);
  } catch (error) {
    unreadable.push(describe(new Uint8Array(0), { code: errnoCode(error) }));
    return { files: files.columns(), dirs: packByteList([]), pending: packByteList([]), unreadable };
  }
  let seen = 0;
  try {
    while (stack.length > 0 && seen < task.budgetEntries && !(stack.length > 1 && shareWanted())) {
      const rel = stack.pop() as Uint8Array;
      let listing;
      try {
        listing = addon.scanDirBeneath(rootFd, rel, task.rootDev, portable);
      } catch (error) {
        const code = errnoCode(error);
        // Gone, or replaced by a file or a link while the walk ran: the watchers will see it.
        if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ELOOP')
          unreadable.push(describe(rel, { code }));
        continue;
      }
      walked.push(rel);
      const [count, columns, dirs, others, statErrno] = listing;
      const n = count * 8;
      const ends = new Uint32Array(columns, 3 * n, count);
      files.appendColumns(
        count,
        new Uint8Array(columns, 3 * n + 4 * count),
        ends,
        new Float64Array(columns, 0, count),
        new Float64Array(columns, n, count),
        new Float64Array(columns, 2 * n, count),
        task.rootDev,
      );
      seen += count + 1;
      for (const name of namesIn(others)) unreadable.push(describe(childOf(rel, name), otherDevice));
      for (const name of namesIn(dirs)) {
        stack.push(childOf(rel, name));
        seen++;
      }
      // A folder that can be listed but not searched (r without x) fails every entry alike: reported once.
      if (statErrno !== 0) unreadable.push(describe(rel, { code: errnoCode(statErrno) }));
    }
  } finally {
    addon.closeFd(rootFd);
  }
  return {
    files: files.columns(),
    dirs: packByteList(walked),
    pending: packByteList(stack.reverse()),
    unreadable,
  };
}
