/**
 * The walk by path, where the addon is not built (Windows, no C compiler). Synchronous fs calls are the
 * fast path (no promise per entry) and cost nothing here: the worker's thread has nothing else to do.
 * Names are read as strings where that is exact, which costs about half of reading them as Buffers: a
 * folder whose path or names may not be UTF-8 (a U+FFFD in a name read as text) is read again as bytes,
 * so such names keep their exact bytes (shared/byte-names.ts).
 */
import { lstatSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { decodeName, encodeName, hasEscapes } from '../../../shared/byte-names.js';
import { PackedFilesBuilder } from './packed-files.js';
import { packByteList, unpackByteList } from './byte-list.js';
import type { UnreadableDir, WalkChunk, WalkTask } from './scan-types.js';
import { describe, errnoCode, join, otherDevice, RELATIVE_PATH_BYTES } from './walk-common.js';

/** Where one walk step puts what it finds. */
interface Sink {
  rootDev: number;
  files: PackedFilesBuilder;
  stack: Uint8Array[];
  unreadable: UnreadableDir[];
}

/** Walks `task.dirs` depth first, as walkDirsNative does; `shareWanted` as there. */
export function walkDirsByPath(task: WalkTask, shareWanted: () => boolean = () => false): WalkChunk {
  const root = Buffer.from(task.root.buffer, task.root.byteOffset, task.root.byteLength);
  const rootText = decodeName(root);
  // Sized once for the whole budget and posted untrimmed: every batch's columns are then the same few sizes,
  // allocated once and never copied to trim. Growing from small and trimming gave glibc a stream of
  // odd-sized blocks that it kept after they were freed (figures in bench/PERFORMANCE.md).
  const files = new PackedFilesBuilder(task.budgetEntries, task.budgetEntries * RELATIVE_PATH_BYTES);
  const walked: Uint8Array[] = [];
  const sink: Sink = { rootDev: task.rootDev, files, stack: [], unreadable: [] };
  // Reversed so the first folder handed out is walked first: chunks keep a stable, readable order.
  sink.stack = unpackByteList(task.dirs).reverse();
  let seen = 0;
  while (sink.stack.length > 0 && seen < task.budgetEntries && !(sink.stack.length > 1 && shareWanted())) {
    const rel = sink.stack.pop() as Uint8Array;
    const relText = decodeName(rel);
    const asText = hasEscapes(rootText) || hasEscapes(relText) ? null : walkText(rootText, relText, sink);
    const entries = asText ?? walkBytes(root, rel, sink);
    if (entries < 0) continue;
    walked.push(rel);
    seen += entries + 1;
  }
  return {
    files: files.columns(),
    dirs: packByteList(walked),
    pending: packByteList(sink.stack.reverse()),
    unreadable: sink.unreadable,
  };
}

/**
 * Lists one folder with names as text; the number of entries, -1 when it could not be listed, or null when
 * a name may not be UTF-8 (nothing was added: the caller reads the folder as bytes).
 */
function walkText(rootText: string, relText: string, sink: Sink): number | null {
  const dir = relText === '' ? rootText : `${rootText}/${relText}`;
  const entries = readDir<string>(dir, 'utf8', encodeName(relText), sink.unreadable);
  if (!entries) return -1;
  if (entries.some((entry) => entry.name.includes('\uFFFD'))) return null;
  const prefix = relText === '' ? '' : `${relText}/`;
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isDirectory()) continue; // links, sockets, fifos: never candidates
    const stat = lstatOrCode(`${dir}/${entry.name}`);
    if (typeof stat === 'string') return failed(encodeName(relText), stat, sink, entries.length);
    if (!stat) continue;
    const rel = `${prefix}${entry.name}`;
    if (stat.dev === sink.rootDev && stat.isFile()) {
      sink.files.addText(rel, stat.size, stat.mtimeMs, stat.dev, stat.ino);
    } else {
      place(encodeName(rel), stat, sink);
    }
  }
  return entries.length;
}

/** Lists one folder with names as bytes: exact for any name. The number of entries, or -1. */
function walkBytes(root: Buffer, rel: Uint8Array, sink: Sink): number {
  const dir = rel.length === 0 ? root : join(root, rel);
  const entries = readDir<Buffer>(dir, 'buffer', rel, sink.unreadable);
  if (!entries) return -1;
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isDirectory()) continue;
    const full = join(dir, entry.name);
    const stat = lstatOrCode(full);
    if (typeof stat === 'string') return failed(rel, stat, sink, entries.length);
    if (!stat) continue;
    const relStart = root.length + 1;
    if (stat.dev === sink.rootDev && stat.isFile()) {
      sink.files.add(full, relStart, stat.size, stat.mtimeMs, stat.dev, stat.ino);
    } else {
      place(full.subarray(relStart), stat, sink);
    }
  }
  return entries.length;
}

/** A folder goes on the stack; a file or folder on another device is reported, not entered. */
function place(rel: Uint8Array, stat: Stats, sink: Sink): void {
  if (stat.dev !== sink.rootDev) {
    if (stat.isFile() || stat.isDirectory()) sink.unreadable.push(describe(rel, otherDevice));
  } else if (stat.isDirectory()) {
    sink.stack.push(rel);
  }
}

/** A folder that can be listed but not searched (r without x) fails every entry alike: reported once. */
function failed(rel: Uint8Array, code: string, sink: Sink, entries: number): number {
  sink.unreadable.push(describe(rel, { code }));
  return entries;
}

/** The entry's stat, undefined when it is gone since the folder was listed, or the error's code. */
function lstatOrCode(path: string | Buffer): Stats | undefined | string {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return errnoCode(error);
  }
}

function readDir<T extends string | Buffer>(
  dir: string | Buffer,
  encoding: 'utf8' | 'buffer',
  rel: Uint8Array,
  unreadable: UnreadableDir[],
): Dirent<T>[] | null {
  try {
    return readdirSync(dir, {
      withFileTypes: true,
      encoding: encoding as 'buffer',
    }) as unknown as Dirent<T>[];
  } catch (error) {
    const code = errnoCode(error);
    // Removed or replaced by a file while the walk ran: the watchers will see it; nothing to report.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') unreadable.push(describe(rel, { code }));
    return null;
  }
}
