/**
 * A set of relative paths that gives each one a small integer id, without a JavaScript string per path.
 * Names live as UTF-8 bytes in one arena; an open-addressing table (linear probing, FNV-1a of the bytes)
 * maps a name to its id. A Map of a million strings costs well over 100 B per file; this costs the name's
 * bytes plus about 16.
 */
import { grow } from '../scan/packed-files.js';

const EMPTY = -1;
const TOMBSTONE = -2;
/** nameLength of an id on the free list. */
const FREE = 0xffffffff;
const MAX_LOAD = 0.75;
/** Names hashed between two looks at the clock when building in slices. */
const SLICE_CHECK_IDS = 2048;

/** FNV-1a, 32 bits, of `bytes` (from `start` to `end`: no view needed to hash part of an arena). */
export function fnv1a(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash >>> 0;
}

export class PathTable {
  private slots: Int32Array;
  private names: Uint8Array;
  private namesUsed = 0;
  private garbageBytes = 0;
  private nameStart: Uint32Array;
  private nameLength: Uint32Array;
  /** Ids handed out so far (live or free); ids are below this. */
  private highWater = 0;
  private freeHead = -1;
  private tombstones = 0;
  private live = 0;

  constructor(expectedCount = 0, expectedNameBytes = expectedCount * 40) {
    this.slots = new Int32Array(slotCountFor(expectedCount)).fill(EMPTY);
    this.names = new Uint8Array(Math.max(256, expectedNameBytes));
    this.nameStart = new Uint32Array(Math.max(16, expectedCount));
    this.nameLength = new Uint32Array(this.nameStart.length);
  }

  /**
   * A table over names already packed back to back (a scan's paths) that shares `bytes` instead of copying
   * them: it never writes into them, and moves to an arena of its own when it first needs room. Name `i` gets
   * id `i`; a name that repeats an earlier one is freed at once. Built in slices of about `sliceMs` each,
   * awaiting `pause()` between them: hashing a million names takes from 0.3 s to well over a second on a busy
   * machine, far longer than the host may be held.
   */
  static async fromPackedInSlices(
    bytes: Uint8Array,
    offsets: Uint32Array,
    count: number,
    pause: () => Promise<unknown>,
    sliceMs = 10,
  ): Promise<PathTable> {
    const table = PathTable.overPacked(bytes, offsets, count);
    let sliceStarted = performance.now();
    for (let from = 0; from < count; from += SLICE_CHECK_IDS) {
      if (performance.now() - sliceStarted >= sliceMs) {
        await pause();
        sliceStarted = performance.now();
      }
      table.indexPacked(offsets, from, Math.min(count, from + SLICE_CHECK_IDS));
    }
    return table;
  }

  /** A table whose ids `0 … count-1` name the packed names but are not yet in its slots. */
  private static overPacked(bytes: Uint8Array, offsets: Uint32Array, count: number): PathTable {
    const table = new PathTable();
    const end = offsets[count] ?? 0;
    table.names = bytes.subarray(0, end);
    table.namesUsed = end;
    table.nameStart = new Uint32Array(Math.max(16, count));
    table.nameLength = new Uint32Array(table.nameStart.length);
    table.slots = new Int32Array(slotCountFor(count)).fill(EMPTY);
    table.highWater = count;
    return table;
  }

  /** Puts packed names `from … to-1` into the slots (ids in order, so the free list stays consistent). */
  private indexPacked(offsets: Uint32Array, from: number, to: number): void {
    const mask = this.slots.length - 1;
    for (let id = from; id < to; id++) {
      const start = offsets[id] as number;
      this.nameStart[id] = start;
      this.nameLength[id] = (offsets[id + 1] as number) - start;
      // Hashed and compared in place: a view per name would be one short-lived object per file, and a
      // burst of those grows V8's young generation, which the process then keeps committed.
      const hash = fnv1a(this.names, start, start + (this.nameLength[id] as number));
      if (this.holdsEarlier(id, hash)) {
        this.free(id);
        continue;
      }
      let slot = hash & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = id;
      this.live++;
    }
  }

  get size(): number {
    return this.live;
  }

  /** Ids are below this; columns keyed by id must be at least this long. */
  get idCapacity(): number {
    return this.nameStart.length;
  }

  /** The id of `name`, or -1. */
  find(name: Uint8Array): number {
    const slot = this.slotOf(name, fnv1a(name));
    return slot < 0 ? -1 : (this.slots[slot] as number);
  }

  /** The id of `name`, adding it when absent; `added` says which. */
  insert(name: Uint8Array): { id: number; added: boolean } {
    const hash = fnv1a(name);
    const found = this.slotOf(name, hash);
    if (found >= 0) return { id: this.slots[found] as number, added: false };
    if (this.live + this.tombstones + 1 > this.slots.length * MAX_LOAD) this.rehash(this.live + 1);
    const id = this.allocateId(name);
    let slot = hash & (this.slots.length - 1);
    while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & (this.slots.length - 1);
    if (this.slots[slot] === TOMBSTONE) this.tombstones--;
    this.slots[slot] = id;
    this.live++;
    return { id, added: true };
  }

  /** Removes `name`; returns its former id, or -1 when absent. */
  delete(name: Uint8Array): number {
    const slot = this.slotOf(name, fnv1a(name));
    if (slot < 0) return -1;
    const id = this.slots[slot] as number;
    this.release(slot, id);
    return id;
  }

  /** Removes the live entry `id`. */
  deleteId(id: number): void {
    const slot = this.slotOf(this.name(id), fnv1a(this.name(id)));
    if (slot >= 0) this.release(slot, id);
  }

  /** A view of the bytes of `id`'s name; valid until the next insert or delete. */
  name(id: number): Uint8Array {
    const start = this.nameStart[id] as number;
    return this.names.subarray(start, start + (this.nameLength[id] as number));
  }

  /** Calls `fn` with every live id. */
  forEachId(fn: (id: number) => void): void {
    for (let id = 0; id < this.highWater; id++) if (this.nameLength[id] !== FREE) fn(id);
  }

  /** Bytes held by the table's arrays (for the memory benchmark). */
  byteLength(): number {
    return this.slots.byteLength + this.names.byteLength + this.nameStart.byteLength * 2;
  }

  private slotOf(name: Uint8Array, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id === EMPTY) return -1;
      if (id >= 0 && this.matches(id, name)) return slot;
    }
  }

  /** Whether a live id below `id` has the same name as `id` (whose hash is `hash`). */
  private holdsEarlier(id: number, hash: number): boolean {
    const mask = this.slots.length - 1;
    const start = this.nameStart[id] as number;
    const length = this.nameLength[id] as number;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const other = this.slots[slot] as number;
      if (other === EMPTY) return false;
      if (other < 0 || this.nameLength[other] !== length) continue;
      const at = this.nameStart[other] as number;
      let i = length - 1;
      while (i >= 0 && this.names[at + i] === this.names[start + i]) i--;
      if (i < 0) return true;
    }
  }

  /** Compares from the end: paths in one folder share long prefixes and differ in their last bytes. */
  private matches(id: number, name: Uint8Array): boolean {
    const length = this.nameLength[id] as number;
    if (length !== name.length) return false;
    const start = this.nameStart[id] as number;
    for (let i = length - 1; i >= 0; i--) if (this.names[start + i] !== name[i]) return false;
    return true;
  }

  private allocateId(name: Uint8Array): number {
    if (this.namesUsed + name.length > this.names.length) this.compactNames(name.length);
    let id = this.freeHead;
    if (id >= 0) {
      this.freeHead = (this.nameStart[id] as number) - 1;
    } else {
      if (this.highWater === this.nameStart.length) {
        this.nameStart = grow(this.nameStart, this.highWater + 1, Uint32Array);
        this.nameLength = grow(this.nameLength, this.nameStart.length, Uint32Array);
      }
      id = this.highWater++;
    }
    this.names.set(name, this.namesUsed);
    this.nameStart[id] = this.namesUsed;
    this.nameLength[id] = name.length;
    this.namesUsed += name.length;
    return id;
  }

  private release(slot: number, id: number): void {
    this.slots[slot] = TOMBSTONE;
    this.tombstones++;
    this.live--;
    this.free(id);
    if (this.slots.length > 1024 && this.live < this.slots.length / 8) this.rehash(this.live);
  }

  /** Puts `id` on the free list; its name's bytes become garbage for the next compaction. */
  private free(id: number): void {
    this.garbageBytes += this.nameLength[id] as number;
    this.nameLength[id] = FREE;
    this.nameStart[id] = this.freeHead + 1; // the free list runs through nameStart, shifted so 0 ends it
    this.freeHead = id;
  }

  /** Makes room for `extraBytes` more name bytes: drops removed names first, grows only if still short. */
  private compactNames(extraBytes: number): void {
    const needed = this.namesUsed - this.garbageBytes + extraBytes;
    const length = needed > this.names.length / 2 ? Math.ceil(needed * 1.5) + 256 : this.names.length;
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
    const mask = this.slots.length - 1;
    this.forEachId((id) => {
      let slot = fnv1a(this.name(id)) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    });
  }
}

/** Smallest power of two that holds `count` entries under the maximum load, with room to grow by half. */
function slotCountFor(count: number): number {
  let slots = 16;
  while (slots * MAX_LOAD < count * 1.5) slots *= 2;
  return slots;
}
