/**
 * The live index of one folder: size and mtime of every counted file, with totals kept up to date, so the
 * monitor reads a folder's usage in O(1) while the watchers apply changes one file at a time.
 * Memory: a file name's bytes plus about 32 B per file, its folder's path once (see bench/index-memory.ts).
 */
import { decodeName, encodeName, hasEscapes } from '../../../shared/byte-names.js';
import { grow } from '../scan/packed-files.js';
import { PathTable } from './path-table.js';
import { SizeColumn } from './size-column.js';

/** What the index holds for one file. */
export interface IndexedFile {
  sizeBytes: number;
  mtimeMs: number;
}

export interface FolderTotals {
  sizeBytes: number;
  fileCount: number;
  /** Null when the folder holds no counted file. */
  oldestMtimeMs: number | null;
}

/** Files that differ between two indexes (present in one only, or with another size or mtime) and their bytes. */
export interface IndexDrift {
  files: number;
  /** Sum over those files of the size difference (a file present on one side only counts its whole size). */
  bytes: number;
}

/** Relative path (`/` separators) → true when the file is not counted at all (`exclude` globs). */
export type ExcludePredicate = (relPath: string) => boolean;

const encoder = new TextEncoder();

export class FolderIndex {
  private readonly table: PathTable;
  private readonly sizes: SizeColumn;
  private mtimes: Float64Array;
  private totalSizeBytes = 0;
  private oldestMtimeMs = Infinity;
  /** Set when the oldest file left or got younger; totals() then finds the new oldest. */
  private oldestStale = false;
  private scratch = new Uint8Array(1024);

  /**
   * An index over `table`. `columns`, when given, are the sizes and mtimes by id, at least as long as the
   * table's id capacity; the index takes them over (and writes into them) rather than copying them. Sizes
   * given as a Float64Array are copied into a SizeColumn.
   */
  constructor(
    private readonly isExcluded: ExcludePredicate = () => false,
    table: PathTable = new PathTable(),
    columns?: { sizes: SizeColumn | Float64Array; mtimes: Float64Array },
  ) {
    this.table = table;
    const fits = columns && Math.min(columns.sizes.length, columns.mtimes.length) >= table.idCapacity;
    const sizes = fits ? columns.sizes : new SizeColumn(table.idCapacity);
    this.sizes = sizes instanceof SizeColumn ? sizes : SizeColumn.from(sizes);
    this.mtimes = fits ? columns.mtimes : new Float64Array(table.idCapacity);
    if (columns) this.recount();
  }

  /** Adds or updates a file; returns false (and indexes nothing) when the path is excluded. */
  upsert(relPath: string, sizeBytes: number, mtimeMs: number): boolean {
    if (this.isExcluded(relPath)) return false;
    this.set(this.encode(relPath), sizeBytes, mtimeMs);
    return true;
  }

  /** Forgets a file; returns whether it was indexed. */
  remove(relPath: string): boolean {
    const id = this.table.delete(this.encode(relPath));
    if (id < 0) return false;
    this.forget(id);
    return true;
  }

  /** Forgets every file below `relDir` (a folder deleted or moved out); `''` empties the index. Returns the count. */
  removeUnder(relDir: string): number {
    const dir = relDir.replace(/\/+$/, '');
    const doomed = this.table.idsUnder(dir === '' ? new Uint8Array(0) : encodeName(dir));
    for (const id of doomed) {
      this.table.deleteId(id);
      this.forget(id);
    }
    return doomed.length;
  }

  has(relPath: string): boolean {
    return this.table.find(this.encode(relPath)) >= 0;
  }

  get(relPath: string): IndexedFile | undefined {
    const id = this.table.find(this.encode(relPath));
    return id < 0 ? undefined : { sizeBytes: this.sizes.get(id), mtimeMs: this.mtimes[id] as number };
  }

  get fileCount(): number {
    return this.table.size;
  }

  /** Size and count in O(1); the oldest mtime is recomputed (one pass) only after the oldest file left. */
  totals(): FolderTotals {
    if (this.oldestStale) {
      let oldest = Infinity;
      this.table.forEachId((id) => {
        oldest = Math.min(oldest, this.mtimes[id] as number);
      });
      this.oldestMtimeMs = oldest;
      this.oldestStale = false;
    }
    return {
      sizeBytes: this.totalSizeBytes,
      fileCount: this.table.size,
      oldestMtimeMs: this.table.size === 0 ? null : this.oldestMtimeMs,
    };
  }

  /** The newest mtime of any file (one pass; null when empty): when the youngest file passes a grace period. */
  newestMtimeMs(): number | null {
    let newest = -Infinity;
    this.table.forEachId((id) => {
      newest = Math.max(newest, this.mtimes[id] as number);
    });
    return this.table.size === 0 ? null : newest;
  }

  /**
   * How many files were modified before `cutoffMs`. O(1) when even the oldest file is younger (the usual
   * case right after a cleanup); otherwise one pass over the mtimes (about a millisecond per 100,000 files).
   */
  countOlderThan(cutoffMs: number): number {
    const { oldestMtimeMs } = this.totals();
    if (oldestMtimeMs === null || oldestMtimeMs >= cutoffMs) return 0;
    let count = 0;
    this.table.forEachId((id) => {
      if ((this.mtimes[id] as number) < cutoffMs) count++;
    });
    return count;
  }

  /** Calls `fn` for every file, in no particular order. Do not change the index from inside `fn`. */
  forEach(fn: (relPath: string, sizeBytes: number, mtimeMs: number) => void): void {
    this.table.forEachId((id) => {
      fn(decodeName(this.table.name(id)), this.sizes.get(id), this.mtimes[id] as number);
    });
  }

  /**
   * Calls `fn` for every file with its name's bytes (shared/byte-names.ts), in no particular order: no
   * string per file, for a pass over a million files that decodes only the few names it keeps. `name` is a
   * view into the index, valid only during the call. Do not change the index from inside `fn`.
   */
  forEachName(fn: (name: Uint8Array, sizeBytes: number, mtimeMs: number) => void): void {
    this.table.forEachId((id) => fn(this.table.name(id), this.sizes.get(id), this.mtimes[id] as number));
  }

  /** How far this index has drifted from `other` (typically the live index against a fresh scan). */
  diff(other: FolderIndex): IndexDrift {
    const drift = { files: 0, bytes: 0 };
    this.table.forEachId((id) => {
      const otherId = other.table.find(this.table.name(id));
      const size = this.sizes.get(id);
      if (otherId < 0) {
        drift.files++;
        drift.bytes += size;
      } else if (other.sizes.get(otherId) !== size || other.mtimes[otherId] !== this.mtimes[id]) {
        drift.files++;
        drift.bytes += Math.abs(other.sizes.get(otherId) - size);
      }
    });
    other.table.forEachId((id) => {
      if (this.table.find(other.table.name(id)) >= 0) return;
      drift.files++;
      drift.bytes += other.sizes.get(id);
    });
    return drift;
  }

  /** Bytes held by the index's arrays (for the memory benchmark). */
  byteLength(): number {
    return this.table.byteLength() + this.sizes.byteLength() + this.mtimes.byteLength;
  }

  private set(name: Uint8Array, sizeBytes: number, mtimeMs: number): void {
    const { id, added } = this.table.insert(name);
    if (this.mtimes.length < this.table.idCapacity) {
      this.sizes.ensureCapacity(this.table.idCapacity);
      this.mtimes = grow(this.mtimes, this.table.idCapacity, Float64Array);
    }
    if (!added) this.forget(id);
    this.sizes.set(id, sizeBytes);
    this.mtimes[id] = mtimeMs;
    this.totalSizeBytes += sizeBytes;
    if (mtimeMs < this.oldestMtimeMs) this.oldestMtimeMs = mtimeMs;
  }

  /** Sums the live files' sizes and finds the oldest from scratch. */
  private recount(): void {
    let total = 0;
    let oldest = Infinity;
    this.table.forEachId((id) => {
      total += this.sizes.get(id);
      oldest = Math.min(oldest, this.mtimes[id] as number);
    });
    this.totalSizeBytes = total;
    this.oldestMtimeMs = oldest;
    this.oldestStale = false;
  }

  /** Takes a file's numbers out of the totals (before it is replaced or after it was removed). */
  private forget(id: number): void {
    this.totalSizeBytes -= this.sizes.get(id);
    if (this.mtimes[id] === this.oldestMtimeMs) this.oldestStale = true;
  }

  /** The bytes of `relPath` (shared/byte-names.ts); a UTF-8 one in a reused buffer, so a lookup allocates nothing. */
  private encode(relPath: string): Uint8Array {
    if (hasEscapes(relPath)) return encodeName(relPath);
    if (relPath.length * 3 > this.scratch.length) this.scratch = new Uint8Array(relPath.length * 3);
    const { written } = encoder.encodeInto(relPath, this.scratch);
    return this.scratch.subarray(0, written);
  }
}
