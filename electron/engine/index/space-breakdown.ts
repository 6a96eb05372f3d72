/**
 * What takes space in a folder (issue 15 item 3), from its live index in one pass: no second scan. It
 * reads the names' bytes and decodes only what it keeps: a subfolder or an extension when first met, and a
 * file when it enters the biggest or oldest few. Memory
 * stays O(subfolders + types + limit) however many files the folder holds.
 */
import { decodeName } from '../../../shared/byte-names.js';
import type { SpaceBreakdown, SpaceEntry } from '../../../shared/usage-history.js';
import type { FolderIndex } from './folder-index.js';
import { fnv1a } from './path-table.js';

/** The label of files that have no extension. */
export const NO_EXTENSION = 'no extension';

const SLASH = 0x2f;
const DOT = 0x2e;

export function spaceBreakdown(index: FolderIndex, folder: string, limit: number): SpaceBreakdown {
  const subfolders = new Tally((bytes) => decodeName(bytes));
  const types = new Tally((bytes) => (bytes.length === 0 ? NO_EXTENSION : decodeName(bytes).toLowerCase()));
  const biggest = new TopList(limit, (a, b) => b.sizeBytes - a.sizeBytes || a.label.localeCompare(b.label));
  const oldest = new TopList(limit, (a, b) => a.mtimeMs! - b.mtimeMs! || a.label.localeCompare(b.label));
  let sizeBytes = 0;
  index.forEachName((name, size, mtimeMs) => {
    sizeBytes += size;
    const slash = name.indexOf(SLASH);
    subfolders.add(name.subarray(0, slash < 0 ? 0 : slash), size);
    types.add(extensionBytes(name), size);
    const bigEnough = biggest.mayTake((last) => size >= last.sizeBytes);
    const oldEnough = oldest.mayTake((last) => mtimeMs <= last.mtimeMs!);
    if (!bigEnough && !oldEnough) return;
    const file = { label: decodeName(name), sizeBytes: size, fileCount: 1, mtimeMs };
    if (bigEnough) biggest.offer(file);
    if (oldEnough) oldest.offer(file);
  });
  return {
    folder,
    sizeBytes,
    fileCount: index.fileCount,
    subfolders: subfolders.largest(limit),
    types: types.largest(limit),
    biggest: biggest.list(),
    oldest: oldest.list(),
  };
}

/** `.WAV` of `a/b/Take.WAV` (empty when none); a leading dot alone (`.env`) is a name, not an extension. */
function extensionBytes(name: Uint8Array): Uint8Array {
  const base = name.lastIndexOf(SLASH) + 1;
  const dot = name.lastIndexOf(DOT);
  return dot <= base || dot === name.length - 1 ? name.subarray(0, 0) : name.subarray(dot);
}

/** Sizes and counts by a key read from bytes, found by the bytes' hash: a key is decoded once, when first met. */
class Tally {
  private readonly byHash = new Map<number, { bytes: Uint8Array; entry: SpaceEntry }[]>();
  private readonly entries = new Map<string, SpaceEntry>();

  constructor(private readonly label: (bytes: Uint8Array) => string) {}

  add(bytes: Uint8Array, sizeBytes: number): void {
    const hash = fnv1a(bytes);
    const bucket = this.byHash.get(hash) ?? [];
    let entry = bucket.find((b) => sameBytes(b.bytes, bytes))?.entry;
    if (!entry) {
      // Two spellings may decode to one label (extensions fold case): they share its entry.
      const label = this.label(bytes);
      entry = this.entries.get(label) ?? { label, sizeBytes: 0, fileCount: 0 };
      this.entries.set(label, entry);
      // A copy: `bytes` is a view into the index.
      bucket.push({ bytes: bytes.slice(), entry });
      this.byHash.set(hash, bucket);
    }
    entry.sizeBytes += sizeBytes;
    entry.fileCount++;
  }

  largest(limit: number): SpaceEntry[] {
    return [...this.entries.values()]
      .sort((a, b) => b.sizeBytes - a.sizeBytes || a.label.localeCompare(b.label))
      .slice(0, limit);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The first `limit` entries in `order`, kept sorted as entries are offered. */
class TopList {
  private readonly entries: SpaceEntry[] = [];

  constructor(
    private readonly limit: number,
    private readonly order: (a: SpaceEntry, b: SpaceEntry) => number,
  ) {}

  /** False only when the list is full and `beats(last)` says the entry cannot displace its last one. */
  mayTake(beats: (last: SpaceEntry) => boolean): boolean {
    return this.entries.length < this.limit || beats(this.entries[this.entries.length - 1]!);
  }

  offer(entry: SpaceEntry): void {
    const last = this.entries[this.entries.length - 1];
    if (this.entries.length >= this.limit && last && this.order(entry, last) >= 0) return;
    let i = this.entries.length;
    while (i > 0 && this.order(entry, this.entries[i - 1]!) < 0) i--;
    this.entries.splice(i, 0, entry);
    if (this.entries.length > this.limit) this.entries.pop();
  }

  list(): SpaceEntry[] {
    return this.entries;
  }
}
