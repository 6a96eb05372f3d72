/**
 * A scan's files in columns: every relative path packed as bytes in one buffer, numbers in Float64Arrays.
 * A million files cost a few typed arrays instead of a million objects, and the arrays cross a worker
 * boundary as transferables.
 */
import { decodeName } from '../../../shared/byte-names.js';

const textEncoder = new TextEncoder();

/**
 * The raw columns; exactly what a worker transfers. `pathOffsets` has at least `count + 1` entries; the
 * columns may be longer than `count` (a worker's batch is posted untrimmed) and only `count` are used.
 */
export interface PackedFilesBuffers {
  count: number;
  pathBytes: Uint8Array;
  pathOffsets: Uint32Array;
  sizeBytes: Float64Array;
  mtimeMs: Float64Array;
  dev: Float64Array;
  ino: Float64Array;
}

/** Read-only columnar list of files. Paths are relative to the scanned root, with `/` separators. */
export class PackedFiles {
  readonly count: number;
  readonly pathBytes: Uint8Array;
  readonly pathOffsets: Uint32Array;
  readonly sizeBytes: Float64Array;
  readonly mtimeMs: Float64Array;
  readonly dev: Float64Array;
  readonly ino: Float64Array;

  constructor(buffers: PackedFilesBuffers) {
    this.count = buffers.count;
    this.pathBytes = buffers.pathBytes;
    this.pathOffsets = buffers.pathOffsets;
    this.sizeBytes = buffers.sizeBytes;
    this.mtimeMs = buffers.mtimeMs;
    this.dev = buffers.dev;
    this.ino = buffers.ino;
  }

  static empty(): PackedFiles {
    return new PackedFilesBuilder(0).build();
  }

  /** The relative path of file `i` as a string; a byte that is not UTF-8 is escaped (shared/byte-names.ts). */
  path(i: number): string {
    return decodeName(this.pathBytesAt(i));
  }

  /** The exact bytes of file `i`'s relative path (a view, not a copy). */
  pathBytesAt(i: number): Uint8Array {
    return this.pathBytes.subarray(this.pathOffsets[i] ?? 0, this.pathOffsets[i + 1] ?? 0);
  }
}

/** Grows the columns while a walk adds files; `build()` trims them to size. */
export class PackedFilesBuilder {
  private count = 0;
  private bytesUsed = 0;
  private pathBytes: Uint8Array;
  private pathOffsets: Uint32Array;
  private sizeBytes: Float64Array;
  private mtimeMs: Float64Array;
  private dev: Float64Array;
  private ino: Float64Array;

  constructor(expectedCount = 1024, expectedPathBytes = expectedCount * 48) {
    this.pathBytes = new Uint8Array(Math.max(64, expectedPathBytes));
    this.pathOffsets = new Uint32Array(Math.max(16, expectedCount) + 1);
    this.sizeBytes = new Float64Array(Math.max(16, expectedCount));
    this.mtimeMs = new Float64Array(this.sizeBytes.length);
    this.dev = new Float64Array(this.sizeBytes.length);
    this.ino = new Float64Array(this.sizeBytes.length);
  }

  get size(): number {
    return this.count;
  }

  /** Adds one file whose relative path is `path` from byte `relStart` on (lets the walker pass its absolute path). */
  add(
    path: Uint8Array,
    relStart: number,
    sizeBytes: number,
    mtimeMs: number,
    dev: number,
    ino: number,
  ): void {
    const length = path.length - relStart;
    this.reserve(1, length);
    this.pathBytes.set(relStart === 0 ? path : path.subarray(relStart), this.bytesUsed);
    this.push(length, sizeBytes, mtimeMs, dev, ino);
  }

  /** Adds one file whose relative path is the text `relPath` (valid UTF-8 names only: no escaped bytes). */
  addText(relPath: string, sizeBytes: number, mtimeMs: number, dev: number, ino: number): void {
    // At most 3 bytes per UTF-16 unit; counted exactly only near the end, so a batch is not grown for nothing.
    const room = this.pathBytes.length - this.bytesUsed;
    this.reserve(1, relPath.length * 3 <= room ? 0 : Buffer.byteLength(relPath));
    const { written } = textEncoder.encodeInto(relPath, this.pathBytes.subarray(this.bytesUsed));
    this.push(written, sizeBytes, mtimeMs, dev, ino);
  }

  /** Adds the file `name` in the folder `dir` (relative; empty for the root) without joining them first. */
  addInDir(
    dir: Uint8Array,
    name: Uint8Array,
    sizeBytes: number,
    mtimeMs: number,
    dev: number,
    ino: number,
  ): void {
    const length = dir.length === 0 ? name.length : dir.length + 1 + name.length;
    this.reserve(1, length);
    let at = this.bytesUsed;
    if (dir.length > 0) {
      this.pathBytes.set(dir, at);
      at += dir.length;
      this.pathBytes[at++] = 0x2f;
    }
    this.pathBytes.set(name, at);
    this.push(length, sizeBytes, mtimeMs, dev, ino);
  }

  /** Ends the entry whose `pathLength` path bytes were just written at the end of the path buffer. */
  private push(pathLength: number, sizeBytes: number, mtimeMs: number, dev: number, ino: number): void {
    this.bytesUsed += pathLength;
    const i = this.count++;
    this.pathOffsets[this.count] = this.bytesUsed;
    this.sizeBytes[i] = sizeBytes;
    this.mtimeMs[i] = mtimeMs;
    this.dev[i] = dev;
    this.ino[i] = ino;
  }

  /**
   * Appends `count` files given as columns (a folder's listing from the addon): `ends[i]` is where file
   * `i`'s path ends in `paths`, which holds them back to back. Bulk copies, no work per file beyond the
   * offsets; every file gets the device `dev`.
   */
  appendColumns(
    count: number,
    paths: Uint8Array,
    ends: Uint32Array,
    sizes: Float64Array,
    mtimes: Float64Array,
    inos: Float64Array,
    dev: number,
  ): void {
    this.reserve(count, paths.length);
    this.pathBytes.set(paths, this.bytesUsed);
    for (let i = 0; i < count; i++)
      this.pathOffsets[this.count + i + 1] = this.bytesUsed + (ends[i] as number);
    this.sizeBytes.set(sizes, this.count);
    this.mtimeMs.set(mtimes, this.count);
    this.ino.set(inos, this.count);
    this.dev.fill(dev, this.count, this.count + count);
    this.count += count;
    this.bytesUsed += paths.length;
  }

  /** Appends every file of `files`. */
  append(files: PackedFiles): void {
    const byteLength = files.pathOffsets[files.count] ?? 0;
    this.reserve(files.count, byteLength);
    this.pathBytes.set(files.pathBytes.subarray(0, byteLength), this.bytesUsed);
    for (let i = 1; i <= files.count; i++) {
      this.pathOffsets[this.count + i] = this.bytesUsed + (files.pathOffsets[i] ?? 0);
    }
    this.sizeBytes.set(files.sizeBytes.subarray(0, files.count), this.count);
    this.mtimeMs.set(files.mtimeMs.subarray(0, files.count), this.count);
    this.dev.set(files.dev.subarray(0, files.count), this.count);
    this.ino.set(files.ino.subarray(0, files.count), this.count);
    this.count += files.count;
    this.bytesUsed += byteLength;
  }

  /**
   * Trims the columns to size (copies, so the result's buffers are exactly as long as needed). A builder
   * filled exactly to the size it was made for hands its columns over as they are: no second copy of a
   * million files. It stays usable: its next add grows into new arrays.
   */
  build(): PackedFiles {
    const n = this.count;
    if (this.isExactlyFull()) {
      const { pathBytes, pathOffsets, sizeBytes, mtimeMs, dev, ino } = this;
      return new PackedFiles({ count: n, pathBytes, pathOffsets, sizeBytes, mtimeMs, dev, ino });
    }
    return new PackedFiles({
      count: n,
      pathBytes: this.pathBytes.slice(0, this.bytesUsed),
      pathOffsets: this.pathOffsets.slice(0, n + 1),
      sizeBytes: this.sizeBytes.slice(0, n),
      mtimeMs: this.mtimeMs.slice(0, n),
      dev: this.dev.slice(0, n),
      ino: this.ino.slice(0, n),
    });
  }

  /** The columns as they are, untrimmed (`count` says how much is used): a hand-over without a copy. */
  columns(): PackedFilesBuffers {
    const { count, pathBytes, pathOffsets, sizeBytes, mtimeMs, dev, ino } = this;
    return { count, pathBytes, pathOffsets, sizeBytes, mtimeMs, dev, ino };
  }

  private isExactlyFull(): boolean {
    return (
      this.bytesUsed === this.pathBytes.length &&
      this.count === this.sizeBytes.length &&
      this.count + 1 === this.pathOffsets.length
    );
  }

  private reserve(files: number, bytes: number): void {
    if (this.bytesUsed + bytes > this.pathBytes.length) {
      this.pathBytes = grow(this.pathBytes, this.bytesUsed + bytes, Uint8Array);
    }
    if (this.count + files > this.sizeBytes.length) {
      const need = this.count + files;
      this.pathOffsets = grow(this.pathOffsets, need + 1, Uint32Array);
      this.sizeBytes = grow(this.sizeBytes, need, Float64Array);
      this.mtimeMs = grow(this.mtimeMs, need, Float64Array);
      this.dev = grow(this.dev, need, Float64Array);
      this.ino = grow(this.ino, need, Float64Array);
    }
  }
}

type TypedArrayCtor<T> = new (length: number) => T;

/** Copies `array` into one at least `minLength` long, growing by half again to keep appends amortised O(1). */
export function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(
  array: T,
  minLength: number,
  Ctor: TypedArrayCtor<T>,
): T {
  const next = new Ctor(Math.max(minLength, Math.ceil(array.length * 1.5) + 16));
  next.set(array as never);
  return next;
}
