/**
 * The walk through the removal addon's directory handles (native/src/headroom_fs.c `scanDirAt`): each
 * folder is opened once, and its entries are listed and examined in one call with `fstatat` relative to
 * it, so the kernel does not resolve the folder's path again for every file and no object is made per
 * entry. The same walk as walk-dirs.ts by path, entry for entry (tests/integration/scan compare them).
 */
import { constants } from 'node:os';
import { PackedFilesBuilder } from '../index/packed-files.js';
import { msFromTimeSpec, type ScanAddon } from '../removal/native-dir-fs.js';
import { packByteList, unpackByteList } from './byte-list.js';
import type { UnreadableDir, WalkChunk, WalkTask } from './scan-types.js';
import { describe, join, otherDevice, RELATIVE_PATH_BYTES } from './walk-common.js';

/** Fields per entry in `scanDirAt`'s stats: kind, size, mtime s, mtime ns, dev, ino. */
const FIELDS = 6;
const FILE = 1;
const DIRECTORY = 2;
const NUL = 0;

const errnoNames = new Map<number, string>(Object.entries(constants.errno).map(([name, n]) => [n, name]));

/** A folder's names and stats, or null when it cannot be listed (reported unless it is simply gone). */
function listDir(
  addon: ScanAddon,
  dir: Buffer,
  rel: Uint8Array,
  unreadable: UnreadableDir[],
): [Buffer, Float64Array] | null {
  let fd: number;
  try {
    fd = addon.openDir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'ENAMETOOLONG';
    // Gone, or replaced by a file or a link while the walk ran: the watchers will see it.
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ELOOP') unreadable.push(describe(rel, { code }));
    return null;
  }
  try {
    return addon.scanDirAt(fd);
  } catch (error) {
    unreadable.push(describe(rel, { code: (error as NodeJS.ErrnoException).code ?? 'EIO' }));
    return null;
  } finally {
    addon.closeFd(fd);
  }
}

function childOf(rel: Uint8Array, name: Uint8Array): Uint8Array {
  return rel.length === 0 ? new Uint8Array(name) : join(rel, name);
}

export function walkDirsNative(task: WalkTask, addon: ScanAddon): WalkChunk {
  const root = Buffer.from(task.root.buffer, task.root.byteOffset, task.root.byteLength);
  const files = new PackedFilesBuilder(task.budgetEntries, task.budgetEntries * RELATIVE_PATH_BYTES);
  const walked: Uint8Array[] = [];
  const unreadable: UnreadableDir[] = [];
  const stack = unpackByteList(task.dirs).reverse();
  let seen = 0;
  while (stack.length > 0 && seen < task.budgetEntries) {
    const rel = stack.pop() as Uint8Array;
    const listing = listDir(addon, rel.length === 0 ? root : join(root, rel), rel, unreadable);
    if (!listing) continue;
    walked.push(rel);
    const [names, stats] = listing;
    const count = stats.length / FIELDS;
    seen += count + 1;
    let start = 0;
    for (let i = 0; i < count; i++) {
      const end = names.indexOf(NUL, start);
      const name = names.subarray(start, end);
      start = end + 1;
      const at = i * FIELDS;
      const kind = stats[at] as number;
      if (kind < 0) {
        const code = errnoNames.get(-kind) ?? 'EIO';
        if (code === 'ENOENT') continue; // removed since the folder was listed: gone, not an error
        // A folder that can be listed but not searched (r without x) fails every entry alike: report it once.
        unreadable.push(describe(rel, { code }));
        break;
      }
      if (kind !== FILE && kind !== DIRECTORY) continue;
      const dev = stats[at + 4] as number;
      if (dev !== task.rootDev) {
        unreadable.push(describe(childOf(rel, name), otherDevice));
      } else if (kind === FILE) {
        const mtimeMs = msFromTimeSpec(stats[at + 2] as number, stats[at + 3] as number);
        files.addInDir(rel, name, stats[at + 1] as number, mtimeMs, dev, stats[at + 5] as number);
      } else {
        stack.push(childOf(rel, name));
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
