/**
 * Builds a FolderIndex from a scan's batches as they arrive, so the host never holds the whole scan and the
 * index at once, and never works on a million files in one synchronous call: each batch is a few copies,
 * and the hash table is filled in slices between turns of the event loop.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { FolderIndex, type ExcludePredicate } from './folder-index.js';
import { grow, type PackedFiles } from './packed-files.js';
import { PathTable } from './path-table.js';

/** Bytes per path before the first batch shows the real figure (the bench tree's paths are 27). */
const GUESS_PATH_BYTES = 40;
/** Column slack above which build() trims to size: a copy now against memory held for weeks. */
const MAX_SLACK = 1 / 8;

export interface FolderIndexBuilderOptions {
  /** Files that are not counted at all (`exclude` globs); tested on the decoded path. */
  isExcluded?: ExcludePredicate;
  /** Roughly how many files to expect (the previous index's count): sizes the columns once. */
  expectedFiles?: number;
  /** Awaited between slices of the final hashing; the next turn of the event loop by default. */
  pause?: () => Promise<unknown>;
}

const decoder = new TextDecoder('utf-8');

export class FolderIndexBuilder {
  private count = 0;
  private bytesUsed = 0;
  private pathBytes: Uint8Array;
  private pathOffsets: Uint32Array;
  private sizes: Float64Array;
  private mtimes: Float64Array;
  private built = false;

  constructor(private readonly options: FolderIndexBuilderOptions = {}) {
    const expected = Math.max(16, options.expectedFiles ?? 0);
    this.pathBytes = new Uint8Array(expected * GUESS_PATH_BYTES);
    this.pathOffsets = new Uint32Array(expected + 1);
    this.sizes = new Float64Array(expected);
    this.mtimes = new Float64Array(expected);
  }

  /** Files added so far (excluded ones left out). */
  get size(): number {
    return this.count;
  }

  /** Adds a batch; the builder copies what it needs, so the batch can be dropped at once. */
  add(files: PackedFiles): void {
    if (this.built) throw new Error('FolderIndexBuilder: add() after build()');
    const isExcluded = this.options.isExcluded;
    if (!isExcluded) return this.addAll(files);
    for (let i = 0; i < files.count; i++) {
      const name = files.pathBytesAt(i);
      if (isExcluded(decoder.decode(name))) continue;
      this.reserve(1, name.length);
      this.pathBytes.set(name, this.bytesUsed);
      this.push(name.length, files.sizeBytes[i] as number, files.mtimeMs[i] as number);
    }
  }

  /**
   * The index of every file added. Repeated paths keep their first numbers (a walk never repeats one). The
   * builder is spent afterwards: the index owns its columns.
   */
  async build(): Promise<FolderIndex> {
    this.built = true;
    const n = this.count;
    const capacity = Math.max(16, n);
    const pathBytes = trimmed(this.pathBytes, this.bytesUsed);
    const pathOffsets = this.pathOffsets;
    const sizes = trimmed(this.sizes, capacity);
    const mtimes = trimmed(this.mtimes, capacity);
    // The index owns these from here; the builder lets go of them.
    this.pathBytes = new Uint8Array(0);
    this.pathOffsets = new Uint32Array(0);
    this.sizes = this.mtimes = new Float64Array(0);
    const table = await PathTable.fromPackedInSlices(
      pathBytes,
      pathOffsets,
      n,
      this.options.pause ?? (() => nextTurn()),
    );
    return new FolderIndex(this.options.isExcluded, table, { sizes, mtimes });
  }

  /** The whole batch in four bulk copies. */
  private addAll(files: PackedFiles): void {
    const n = files.count;
    const byteLength = files.pathOffsets[n] ?? 0;
    this.reserve(n, byteLength);
    this.pathBytes.set(files.pathBytes.subarray(0, byteLength), this.bytesUsed);
    for (let i = 1; i <= n; i++) {
      this.pathOffsets[this.count + i] = this.bytesUsed + (files.pathOffsets[i] as number);
    }
    this.sizes.set(files.sizeBytes.subarray(0, n), this.count);
    this.mtimes.set(files.mtimeMs.subarray(0, n), this.count);
    this.count += n;
    this.bytesUsed += byteLength;
  }

  /** Records one file whose name was just copied to `bytesUsed`. */
  private push(nameLength: number, sizeBytes: number, mtimeMs: number): void {
    const i = this.count++;
    this.bytesUsed += nameLength;
    this.pathOffsets[this.count] = this.bytesUsed;
    this.sizes[i] = sizeBytes;
    this.mtimes[i] = mtimeMs;
  }

  private reserve(files: number, bytes: number): void {
    if (this.bytesUsed + bytes > this.pathBytes.length) {
      this.pathBytes = grow(this.pathBytes, this.bytesUsed + bytes, Uint8Array);
    }
    if (this.count + files > this.sizes.length) {
      const need = this.count + files;
      this.pathOffsets = grow(this.pathOffsets, need + 1, Uint32Array);
      this.sizes = grow(this.sizes, need, Float64Array);
      this.mtimes = grow(this.mtimes, need, Float64Array);
    }
  }
}

/** `array` cut to `length`: a copy only when the slack is worth holding no longer. */
function trimmed<T extends Uint8Array | Float64Array>(array: T, length: number): T {
  if (array.length - length <= array.length * MAX_SLACK) return array;
  return array.slice(0, length) as T;
}
