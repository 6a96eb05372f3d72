/**
 * A set of relative paths that gives each one a small integer id, without a JavaScript string per path.
 * A path is kept as its folder's number (FolderNames: each folder's path once) and its own name's bytes in
 * one arena; an open-addressing table (linear probing, FNV-1a of the folder and name) maps a path to its id.
 * A Map of a million strings costs well over 100 B per file; this costs the name's bytes plus about 16
 * (the folder's path is not repeated per file).
 */
import { grow } from '../scan/packed-files.js';
import { monotonicMs } from '../fs/monotonic-ms.js';
import { FolderNames, latin1Key } from './folder-names.js';

const EMPTY = -1;
const TOMBSTONE = -2;
/** folderOf an id on the free list. */
const FREE = 0xffffffff;
/** A name longer than this cannot be held (no file system allows a quarter of it in one path component). */
const MAX_NAME_BYTES = 0xffff;
/** Slots per entry when the table is (re)built: a load of 0.7 when exactly full, up to MAX_LOAD as it grows. */
const BUILD_LOAD = 0.7;
const MAX_LOAD = 0.8;
/** A table that has to grow is rebuilt for this many times its entries: growth stays amortised. */
const GROWTH = 1.5;
const SLASH = 0x2f;
/** Names hashed between two looks at the clock when building in slices. */
const SLICE_CHECK_IDS = 2048;

/** FNV-1a, 32 bits, of `bytes` (from `start` to `end`: no view needed to hash part of an arena). */
export function fnv1a(bytes: Uint8Array, start = 0, end = bytes.length, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash >>> 0;
}

/** The hash of a name in folder `folder`: FNV-1a of the name, seeded by the folder's number. */
function hashIn(folder: number, bytes: Uint8Array, start: number, end: number): number {
  return fnv1a(bytes, start, end, Math.imul(folder + 1, 0x9e3779b1) ^ 0x811c9dc5);
}

/**
 * The folder key of files at the root: a char above U+00FF, which no latin1 key holds, so `x` (at the root)
 * and `/x` (in a folder with an empty name, which no scan yields) stay two paths.
 */
const ROOT = '\u0100';

/** The folder key of `path`, whose last `/` is at `slash` (-1: none). */
function folderKey(path: Uint8Array, slash: number): string {
  return slash < 0 ? ROOT : latin1Key(path, 0, slash);
}

/** Where the folder part of a relative path ends (its last `/`), or -1 for a file at the root. */
function lastSlash(bytes: Uint8Array, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (bytes[i] === SLASH) return i;
  return -1;
}

export class PathTable {
  private slots: Int32Array;
  /** File names (the last path component), back to back. */
  private names: Uint8Array;
  private namesUsed = 0;
  private garbageBytes = 0;
  private nameStart: Uint32Array;
  private nameLength: Uint16Array;
  private folderOf: Uint32Array;
  private readonly folders = new FolderNames();
  /** Ids handed out so far (live or free); ids are below this. */
  private highWater = 0;
  private freeHead = -1;
  private tombstones = 0;
  private live = 0;
  /** Where name() writes a whole path. */
  private scratch = Buffer.alloc(256);

  constructor(expectedCount = 0, expectedNameBytes = expectedCount * 24) {
    this.slots = new Int32Array(slotCountFor(expectedCount * GROWTH)).fill(EMPTY);
    this.names = new Uint8Array(Math.max(256, expectedNameBytes));
    this.nameStart = new Uint32Array(Math.max(16, expectedCount));
    this.nameLength = new Uint16Array(this.nameStart.length);
    this.folderOf = new Uint32Array(this.nameStart.length);
  }

  /**
   * A table over paths packed back to back (a scan's): path `i` gets id `i`; a path that `keep` rejects,
   * or that repeats an earlier one, is freed at once. The table copies what it keeps: `bytes` can go.
   */
  static fromPacked(
    bytes: Uint8Array,
    offsets: Uint32Array,
    count: number,
    keep: (i: number) => boolean = () => true,
  ): PathTable {
    const table = PathTable.forPacked(fileNameBytes(bytes, offsets, 0, count), count);
    table.indexPacked(bytes, offsets, 0, count, keep);
    return table;
  }

  /**
   * `fromPacked` in slices of about `sliceMs` each, awaiting `pause()` between them: hashing a million
   * names takes from 0.3 s to well over a second on a busy machine, far longer than the host may be held.
   */
  static async fromPackedInSlices(
    bytes: Uint8Array,
    offsets: Uint32Array,
    count: number,
    pause: () => Promise<unknown>,
    sliceMs = 10,
  ): Promise<PathTable> {
    let sliceStarted = monotonicMs();
    const slices = async (step: (from: number, to: number) => void): Promise<void> => {
      for (let from = 0; from < count; from += SLICE_CHECK_IDS) {
        if (monotonicMs() - sliceStarted >= sliceMs) {
          await pause();
          sliceStarted = monotonicMs();
        }
        step(from, Math.min(count, from + SLICE_CHECK_IDS));
      }
    };
    let nameBytes = 0;
    await slices((from, to) => (nameBytes += fileNameBytes(bytes, offsets, from, to)));
    const table = PathTable.forPacked(nameBytes, count);
    await slices((from, to) => table.indexPacked(bytes, offsets, from, to, () => true));
    return table;
  }

  /** An empty table sized exactly for `count` packed paths whose file names take `nameBytes`. */
  private static forPacked(nameBytes: number, count: number): PathTable {
    const table = new PathTable();
    table.names = new Uint8Array(nameBytes);
    table.nameStart = new Uint32Array(Math.max(16, count));
    table.nameLength = new Uint16Array(table.nameStart.length);
    table.folderOf = new Uint32Array(table.nameStart.length);
    table.slots = new Int32Array(slotCountFor(count)).fill(EMPTY);
    table.highWater = count;
    return table;
  }

  /** Puts packed paths `from … to-1` in as ids `from … to-1` (in order, so the free list stays consistent). */
  private indexPacked(
    bytes: Uint8Array,
    offsets: Uint32Array,
    from: number,
    to: number,
    keep: (i: number) => boolean,
  ): void {
    // Paths come grouped by folder: the folder's key is made only when it differs from the last one's.
    let lastStart = -1;
    let lastEnd = -1;
    let lastFolderKey = '';
    for (let id = from; id < to; id++) {
      const start = offsets[id] as number;
      const end = offsets[id + 1] as number;
      const slash = lastSlash(bytes, start, end);
      const atRoot = slash < 0;
      const folderEnd = atRoot ? -1 : slash; // -1: at the root, never the same as any folder's range
      if (
        lastStart < 0 ||
        (atRoot ? lastEnd !== -1 : !sameBytes(bytes, lastStart, lastEnd, start, folderEnd))
      ) {
        lastFolderKey = atRoot ? ROOT : latin1Key(bytes, start, slash);
        lastStart = start;
        lastEnd = folderEnd;
      }
      const nameFrom = slash + 1 > start ? slash + 1 : start;
      // Hashed and compared in place: a view per name would be one short-lived object per file.
      const known = this.folders.lookup(lastFolderKey);
      const hash = known < 0 ? 0 : hashIn(known, bytes, nameFrom, end);
      if (!keep(id) || (known >= 0 && this.slotOf(known, bytes, nameFrom, end, hash) >= 0)) {
        this.freeUnowned(id);
        continue;
      }
      const folder = this.folders.acquire(lastFolderKey);
      this.place(id, folder, bytes, nameFrom, end, known < 0 ? hashIn(folder, bytes, nameFrom, end) : hash);
    }
  }

  get size(): number {
    return this.live;
  }

  /** Ids are below this; columns keyed by id must be at least this long. */
  get idCapacity(): number {
    return this.nameStart.length;
  }

  /** Folders that hold at least one of the paths. */
  get folderCount(): number {
    return this.folders.size;
  }

  /** The id of `path`, or -1. */
  find(path: Uint8Array): number {
    const slash = lastSlash(path, 0, path.length);
    const folder = this.folders.lookup(folderKey(path, slash));
    if (folder < 0) return -1;
    const slot = this.slotOf(
      folder,
      path,
      slash + 1,
      path.length,
      hashIn(folder, path, slash + 1, path.length),
    );
    return slot < 0 ? -1 : (this.slots[slot] as number);
  }

  /** The id of `path`, adding it when absent; `added` says which. */
  insert(path: Uint8Array): { id: number; added: boolean } {
    const found = this.find(path);
    if (found >= 0) return { id: found, added: false };
    const slash = lastSlash(path, 0, path.length);
    if (path.length - slash - 1 > MAX_NAME_BYTES) {
      throw new Error(
        `A file name of ${path.length - slash - 1} bytes is longer than any file system allows.`,
      );
    }
    if (this.live + this.tombstones + 1 > this.slots.length * MAX_LOAD) this.rehash((this.live + 1) * GROWTH);
    const id = this.allocateId(path.length - slash - 1);
    const folder = this.folders.acquire(folderKey(path, slash));
    this.place(id, folder, path, slash + 1, path.length, hashIn(folder, path, slash + 1, path.length));
    return { id, added: true };
  }

  /** Removes `path`; returns its former id, or -1 when absent. */
  delete(path: Uint8Array): number {
    const id = this.find(path);
    if (id >= 0) this.deleteId(id);
    return id;
  }

  /** Removes the live entry `id`. */
  deleteId(id: number): void {
    const folder = this.folderOf[id] as number;
    const start = this.nameStart[id] as number;
    const end = start + (this.nameLength[id] as number);
    const slot = this.slotOf(folder, this.names, start, end, hashIn(folder, this.names, start, end));
    if (slot < 0) return;
    this.slots[slot] = TOMBSTONE;
    this.tombstones++;
    this.live--;
    this.folders.release(folder);
    this.freeUnowned(id);
    if (this.slots.length > 1024 && this.live < this.slots.length / 8) this.rehash(this.live * GROWTH);
  }

  /** The bytes of `id`'s whole relative path, in a buffer the next call to name() overwrites. */
  name(id: number): Uint8Array {
    const folder = this.folders.key(this.folderOf[id] as number);
    const start = this.nameStart[id] as number;
    const length = this.nameLength[id] as number;
    const at = folder === ROOT ? 0 : folder.length + 1;
    if (at + length > this.scratch.length) this.scratch = Buffer.alloc((at + length) * 2);
    if (at > 0) {
      this.scratch.write(folder, 0, 'latin1');
      this.scratch[at - 1] = SLASH;
    }
    this.scratch.set(this.names.subarray(start, start + length), at);
    return this.scratch.subarray(0, at + length);
  }

  /** Calls `fn` with every live id. */
  forEachId(fn: (id: number) => void): void {
    for (let id = 0; id < this.highWater; id++) if (this.folderOf[id] !== FREE) fn(id);
  }

  /**
   * The live ids of every path below the folder `dir` (its bytes, no trailing `/`; empty: every path).
   * Folders are matched by their keys, then one pass over the ids reads only their folder numbers, so a
   * folder removed from a million-file index costs milliseconds, not a million paths rebuilt.
   */
  idsUnder(dir: Uint8Array): number[] {
    const key = latin1Key(dir, 0, dir.length);
    const inside = new Uint8Array(this.folders.idCapacity);
    let any = false;
    this.folders.forEach((folder, id) => {
      const below =
        dir.length === 0 || folder === key || (folder.startsWith(key) && folder[key.length] === '/');
      if (below) inside[id] = 1;
      any ||= below;
    });
    const ids: number[] = [];
    if (!any) return ids;
    this.forEachId((id) => {
      if (inside[this.folderOf[id] as number] === 1) ids.push(id);
    });
    return ids;
  }

  /** Bytes held by the table's arrays and its folders' names (for the memory benchmark). */
  byteLength(): number {
    return (
      this.slots.byteLength +
      this.names.byteLength +
      this.nameStart.byteLength +
      this.nameLength.byteLength +
      this.folderOf.byteLength +
      this.folders.byteLength()
    );
  }

  /** The slot holding the name `bytes[start, end)` in `folder` (whose hash is `hash`), or -1. */
  private slotOf(folder: number, bytes: Uint8Array, start: number, end: number, hash: number): number {
    const n = this.slots.length;
    for (let slot = hash % n; ; slot = slot + 1 === n ? 0 : slot + 1) {
      const id = this.slots[slot] as number;
      if (id === EMPTY) return -1;
      if (id >= 0 && this.matches(id, folder, bytes, start, end)) return slot;
    }
  }

  /** Compares from the end: names in one folder often share long prefixes and differ in their last bytes. */
  private matches(id: number, folder: number, bytes: Uint8Array, start: number, end: number): boolean {
    if (this.folderOf[id] !== folder || this.nameLength[id] !== end - start) return false;
    const at = this.nameStart[id] as number;
    return sameBytes(this.names, at, at + end - start, start, end, bytes);
  }

  /** Writes the live entry `id`: its name's bytes into the arena, its folder, and a slot. */
  private place(
    id: number,
    folder: number,
    bytes: Uint8Array,
    start: number,
    end: number,
    hash: number,
  ): void {
    const length = end - start;
    this.names.set(bytes.subarray(start, end), this.namesUsed);
    this.nameStart[id] = this.namesUsed;
    this.nameLength[id] = length;
    this.folderOf[id] = folder;
    this.namesUsed += length;
    const n = this.slots.length;
    let slot = hash % n;
    while ((this.slots[slot] as number) >= 0) slot = slot + 1 === n ? 0 : slot + 1;
    if (this.slots[slot] === TOMBSTONE) this.tombstones--;
    this.slots[slot] = id;
    this.live++;
  }

  /** A free id, with room in the arena for a name of `nameBytes`. */
  private allocateId(nameBytes: number): number {
    if (this.namesUsed + nameBytes > this.names.length) this.compactNames(nameBytes);
    let id = this.freeHead;
    if (id >= 0) {
      this.freeHead = (this.nameStart[id] as number) - 1;
      return id;
    }
    if (this.highWater === this.nameStart.length) {
      this.nameStart = grow(this.nameStart, this.highWater + 1, Uint32Array);
      this.nameLength = grow(this.nameLength, this.nameStart.length, Uint16Array);
      this.folderOf = grow(this.folderOf, this.nameStart.length, Uint32Array);
    }
    id = this.highWater++;
    return id;
  }

  /** Puts `id` (holding no folder) on the free list; its name's bytes become garbage for the next compaction. */
  private freeUnowned(id: number): void {
    if (this.folderOf[id] !== FREE) this.garbageBytes += this.nameLength[id] as number;
    this.folderOf[id] = FREE;
    this.nameLength[id] = 0;
    this.nameStart[id] = this.freeHead + 1; // the free list runs through nameStart, shifted so 0 ends it
    this.freeHead = id;
  }

  /** Makes room for `extraBytes` more name bytes: drops removed names first, grows only if still short. */
  private compactNames(extraBytes: number): void {
    const needed = this.namesUsed - this.garbageBytes + extraBytes;
    const length = needed > this.names.length / 2 ? Math.ceil(needed * GROWTH) + 256 : this.names.length;
    const names = new Uint8Array(length);
    let used = 0;
    this.forEachId((id) => {
      const start = this.nameStart[id] as number;
      const end = start + (this.nameLength[id] as number);
      names.set(this.names.subarray(start, end), used);
      this.nameStart[id] = used;
      used += end - start;
    });
    this.names = names;
    this.namesUsed = used;
    this.garbageBytes = 0;
  }

  /** Rebuilds the slots for `count` entries, dropping tombstones. */
  private rehash(count: number): void {
    this.slots = new Int32Array(slotCountFor(count)).fill(EMPTY);
    this.tombstones = 0;
    const n = this.slots.length;
    this.forEachId((id) => {
      const start = this.nameStart[id] as number;
      const end = start + (this.nameLength[id] as number);
      let slot = hashIn(this.folderOf[id] as number, this.names, start, end) % n;
      while (this.slots[slot] !== EMPTY) slot = slot + 1 === n ? 0 : slot + 1;
      this.slots[slot] = id;
    });
  }
}

/** Slots for `count` entries at the build load (any count: slots are found by modulo, not by a mask). */
function slotCountFor(count: number): number {
  return Math.max(16, Math.ceil(count / BUILD_LOAD));
}

/** The bytes the file names (last components) of packed paths `from … to-1` take. */
function fileNameBytes(bytes: Uint8Array, offsets: Uint32Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    const slash = lastSlash(bytes, start, end);
    total += end - (slash < 0 ? start : slash + 1);
  }
  return total;
}

/** Whether `a[aStart, aEnd)` equals `b[bStart, bEnd)` (`b` is `a` unless given), compared from the end. */
function sameBytes(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  b: Uint8Array = a,
): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = aEnd - aStart - 1; i >= 0; i--) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}
