/**
 * The index's file sizes by id: 4 bytes a file instead of a Float64's 8. Almost every file is under 4 GiB;
 * a size that is not (or is not a whole number of bytes, which no file system reports) is kept exactly in
 * a Map beside the column, and its slot holds the marker BIG.
 */
const BIG = 0xffffffff;

export class SizeColumn {
  private values: Uint32Array;
  private readonly big = new Map<number, number>();

  constructor(capacity: number) {
    this.values = new Uint32Array(capacity);
  }

  /** A column holding `sizes` (ids `0 … sizes.length-1`). */
  static from(sizes: Float64Array): SizeColumn {
    const column = new SizeColumn(sizes.length);
    column.setRange(0, sizes);
    return column;
  }

  get length(): number {
    return this.values.length;
  }

  get(id: number): number {
    const value = this.values[id] as number;
    return value === BIG ? (this.big.get(id) as number) : value;
  }

  set(id: number, sizeBytes: number): void {
    if (this.values[id] === BIG) this.big.delete(id);
    if (sizeBytes >= 0 && sizeBytes < BIG && Number.isInteger(sizeBytes)) {
      this.values[id] = sizeBytes;
    } else {
      this.values[id] = BIG;
      this.big.set(id, sizeBytes);
    }
  }

  /** Sets ids `at …` to `sizes`, in order. */
  setRange(at: number, sizes: Float64Array): void {
    for (let i = 0; i < sizes.length; i++) this.set(at + i, sizes[i] as number);
  }

  /** Makes room for ids below `capacity` (grown by half again at least, so appends stay amortised O(1)). */
  ensureCapacity(capacity: number): void {
    if (capacity <= this.values.length) return;
    const values = new Uint32Array(Math.max(capacity, Math.ceil(this.values.length * 1.5) + 16));
    values.set(this.values);
    this.values = values;
  }

  /** Bytes held (for the memory benchmark): the column, and about 32 B per size kept beside it. */
  byteLength(): number {
    return this.values.byteLength + this.big.size * 32;
  }
}
