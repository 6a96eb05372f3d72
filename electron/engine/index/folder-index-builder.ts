/**
 * Builds a FolderIndex from a scan's batches as they arrive, so the host never holds the joined scan beside
 * the index, and never works on a million files in one synchronous call.
 *
 * Batches are copied into fixed-size segments rather than into columns that grow: growing meant copying
 * tens of MB in one go (60 ms stalls) and freeing odd-sized blocks that glibc kept. Once the count is
 * known, build() copies the segments into exactly-sized columns, a few per turn of the event loop, and
 * fills the hash table in time slices.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { monotonicMs } from '../fs/monotonic-ms.js';
import { decodeName } from '../../../shared/byte-names.js';
import { FolderIndex, type ExcludePredicate } from './folder-index.js';
import type { PackedFiles } from '../scan/packed-files.js';
import { PathTable } from './path-table.js';
import { Segment } from './segment.js';
import { SizeColumn } from './size-column.js';

export interface FolderIndexBuilderOptions {
  /** Files that are not counted at all (`exclude` globs); tested on the decoded path. */
  isExcluded?: ExcludePredicate;
  /** Awaited between slices of the final build; the next turn of the event loop by default. */
  pause?: () => Promise<unknown>;
  /** Longest stretch of the final build between two pauses (default 10 ms). */
  sliceMs?: number;
}

export class FolderIndexBuilder {
  private segments: Segment[] = [];
  private count = 0;
  private bytes = 0;
  private fileBytes = 0;
  private built = false;

  constructor(private readonly options: FolderIndexBuilderOptions = {}) {}

  /** Files added so far (excluded ones left out). */
  get size(): number {
    return this.count;
  }

  /** Total size in bytes of the files added so far (a first scan's progress). */
  get sizeBytes(): number {
    return this.fileBytes;
  }

  /** Adds a batch; the builder copies what it needs, so the batch can be dropped at once. */
  add(files: PackedFiles): void {
    if (this.built) throw new Error('FolderIndexBuilder: add() after build()');
    const isExcluded = this.options.isExcluded;
    if (!isExcluded) return this.addAll(files);
    for (let i = 0; i < files.count; i++) {
      const name = files.pathBytesAt(i);
      if (isExcluded(decodeName(name))) continue;
      this.segmentFor(name.length).add(name, files.sizeBytes[i] as number, files.mtimeMs[i] as number);
      this.fileBytes += files.sizeBytes[i] as number;
      this.count++;
      this.bytes += name.length;
    }
  }

  /** A batch with nothing to exclude, in bulk copies. */
  private addAll(files: PackedFiles): void {
    for (let i = 0; i < files.count;) {
      const length = (files.pathOffsets[i + 1] as number) - (files.pathOffsets[i] as number);
      const next = this.segmentFor(length).addRange(files, i, files.count);
      for (let j = i; j < next; j++) this.fileBytes += files.sizeBytes[j] as number;
      this.count += next - i;
      this.bytes += (files.pathOffsets[next] as number) - (files.pathOffsets[i] as number);
      i = next;
    }
  }

  /** The last segment when it has room for a name of `nameBytes`, else a new one. */
  private segmentFor(nameBytes: number): Segment {
    const last = this.segments.at(-1);
    if (last?.fits(nameBytes)) return last;
    const segment = new Segment(nameBytes);
    this.segments.push(segment);
    return segment;
  }

  /**
   * The index of every file added. Repeated paths keep their first numbers (a walk never repeats one). The
   * builder is spent afterwards.
   */
  async build(): Promise<FolderIndex> {
    this.built = true;
    const pause = this.options.pause ?? (() => nextTurn());
    const sliceMs = this.options.sliceMs ?? 10;
    const n = this.count;
    const pathBytes = new Uint8Array(this.bytes);
    const pathOffsets = new Uint32Array(n + 1);
    const sizes = new SizeColumn(Math.max(16, n));
    const mtimes = new Float64Array(sizes.length);
    const segments = this.segments;
    this.segments = [];
    let file = 0;
    let sliceStarted = monotonicMs();
    // Oldest first, each let go of once copied, so the segments can be freed while the rest are copied.
    for (let segment = segments.shift(); segment; segment = segments.shift()) {
      segment.copyTo(file, pathBytes, pathOffsets, sizes, mtimes);
      file += segment.count;
      if (segments.length > 0 && monotonicMs() - sliceStarted >= sliceMs) {
        await pause();
        sliceStarted = monotonicMs();
      }
    }
    const table = await PathTable.fromPackedInSlices(pathBytes, pathOffsets, n, pause, sliceMs);
    return new FolderIndex(this.options.isExcluded, table, { sizes, mtimes });
  }
}
