/** A fixed-size block of files that a FolderIndexBuilder fills while a scan runs. */
import type { PackedFiles } from '../scan/packed-files.js';
import type { SizeColumn } from './size-column.js';

/** Files per segment: its two Float64 columns are 512 KiB each. */
const SEGMENT_FILES = 65_536;
/** Name bytes per segment (32 per file; a longer name gets a segment of its own size). */
const SEGMENT_BYTES = 2 * 1024 * 1024;

/**
 * Every segment has the same sizes, so glibc serves each from its own mapping and returns it whole when it
 * is freed; blocks of ever-changing sizes were kept by the allocator after the scan.
 */
export class Segment {
  count = 0;
  private bytesUsed = 0;
  private readonly names: Uint8Array;
  /** End of each name in `names`. */
  private readonly ends = new Uint32Array(SEGMENT_FILES);
  private readonly sizes = new Float64Array(SEGMENT_FILES);
  private readonly mtimes = new Float64Array(SEGMENT_FILES);

  constructor(firstNameBytes = 0) {
    this.names = new Uint8Array(Math.max(SEGMENT_BYTES, firstNameBytes));
  }

  /** Whether one more file with a name of `nameBytes` fits. */
  fits(nameBytes: number): boolean {
    return this.count < SEGMENT_FILES && this.bytesUsed + nameBytes <= this.names.length;
  }

  add(name: Uint8Array, sizeBytes: number, mtimeMs: number): void {
    this.names.set(name, this.bytesUsed);
    this.bytesUsed += name.length;
    this.ends[this.count] = this.bytesUsed;
    this.sizes[this.count] = sizeBytes;
    this.mtimes[this.count] = mtimeMs;
    this.count++;
  }

  /**
   * Adds files `from` on of `files` in bulk, as many as fit; returns the index of the first one left over
   * (at most `to`). Four copies instead of one per file: a batch of 20,000 files costs about a millisecond.
   */
  addRange(files: PackedFiles, from: number, to: number): number {
    const offsets = files.pathOffsets;
    const first = offsets[from] as number;
    let end = from;
    const roomFiles = Math.min(to, from + SEGMENT_FILES - this.count);
    const roomBytes = this.names.length - this.bytesUsed;
    while (end < roomFiles && (offsets[end + 1] as number) - first <= roomBytes) end++;
    const last = offsets[end] as number;
    this.names.set(files.pathBytes.subarray(first, last), this.bytesUsed);
    for (let i = from; i < end; i++) {
      this.ends[this.count + i - from] = this.bytesUsed + (offsets[i + 1] as number) - first;
    }
    this.sizes.set(files.sizeBytes.subarray(from, end), this.count);
    this.mtimes.set(files.mtimeMs.subarray(from, end), this.count);
    this.count += end - from;
    this.bytesUsed += last - first;
    return end;
  }

  /** Copies this segment's files into packed columns from file `at` on (`offsets[at]` already set). */
  copyTo(
    at: number,
    pathBytes: Uint8Array,
    offsets: Uint32Array,
    sizes: SizeColumn,
    mtimes: Float64Array,
  ): void {
    const base = offsets[at] as number;
    pathBytes.set(this.names.subarray(0, this.bytesUsed), base);
    for (let i = 0; i < this.count; i++) offsets[at + i + 1] = base + (this.ends[i] as number);
    sizes.setRange(at, this.sizes.subarray(0, this.count));
    mtimes.set(this.mtimes.subarray(0, this.count), at);
  }
}
