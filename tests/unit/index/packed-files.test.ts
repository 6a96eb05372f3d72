import { describe, expect, it } from 'vitest';
import { PackedFiles, PackedFilesBuilder } from '../../../electron/engine/scan/packed-files.js';
import type { FileEntry } from '../../../shared/types.js';
import {
  concatPacked,
  entriesOf,
  entryAt,
  packEntries,
  totalBytesOf,
  transferable,
} from '../../../bench/lib/packed-entries.js';

const entries: FileEntry[] = Array.from({ length: 5_000 }, (_, i) => ({
  path: `dir-${i % 13}/naïve-${i}.wav`,
  sizeBytes: i * 1_000_003,
  mtimeMs: 1_700_000_000_000 + i,
  dev: 2049,
  ino: 9_000_000_000 + i,
}));

describe('PackedFiles', () => {
  it('round-trips entries through a builder that has to grow', () => {
    const packed = packEntries(entries);
    expect(packed.count).toBe(entries.length);
    expect(entriesOf(packed)).toEqual(entries);
    expect(entryAt(packed, 4_321)).toEqual(entries[4_321]);
    expect(totalBytesOf(packed)).toBe(entries.reduce((sum, e) => sum + e.sizeBytes, 0));
    expect(packed.pathBytes.length).toBe(packed.pathOffsets[packed.count]);
  });

  it('takes the relative part of an absolute path', () => {
    const builder = new PackedFilesBuilder(1);
    builder.add(new TextEncoder().encode('/root/sub/f.txt'), '/root/'.length, 3, 4, 5, 6);
    expect(entriesOf(builder.build())).toEqual([
      { path: 'sub/f.txt', sizeBytes: 3, mtimeMs: 4, dev: 5, ino: 6 },
    ]);
  });

  it('concatenates chunks in order', () => {
    const parts = [entries.slice(0, 10), [], entries.slice(10, 3_000), entries.slice(3_000)];
    const joined = concatPacked(parts.map((p) => packEntries(p)));
    expect(entriesOf(joined)).toEqual(entries);
    expect(concatPacked([]).count).toBe(0);
  });

  it('survives a structured clone of its buffers (what a worker transfer does)', () => {
    const packed = packEntries(entries.slice(0, 50));
    const { buffers, transfer } = transferable(packed);
    const copy = new PackedFiles(structuredClone(buffers, { transfer }));
    expect(entriesOf(copy)).toEqual(entries.slice(0, 50));
  });

  it('hands over untrimmed columns that read, join and index like trimmed ones', () => {
    const builder = new PackedFilesBuilder(10_000, 10_000 * 64);
    for (const e of entries.slice(0, 2_000)) {
      builder.add(new TextEncoder().encode(e.path), 0, e.sizeBytes, e.mtimeMs, e.dev, e.ino);
    }
    const columns = builder.columns();
    expect(columns.sizeBytes.length).toBe(10_000);
    const untrimmed = new PackedFiles(columns);
    expect(entriesOf(untrimmed)).toEqual(entries.slice(0, 2_000));
    expect(totalBytesOf(untrimmed)).toBe(totalBytesOf(packEntries(entries.slice(0, 2_000))));
    const joined = concatPacked([untrimmed, packEntries(entries.slice(2_000))]);
    expect(entriesOf(joined)).toEqual(entries);
  });
});
