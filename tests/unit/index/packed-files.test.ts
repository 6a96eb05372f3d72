import { describe, expect, it } from 'vitest';
import { PackedFiles, PackedFilesBuilder } from '../../../electron/engine/scan/packed-files.js';
import type { FileEntry } from '../../../shared/types.js';

const entries: FileEntry[] = Array.from({ length: 5_000 }, (_, i) => ({
  path: `dir-${i % 13}/naïve-${i}.wav`,
  sizeBytes: i * 1_000_003,
  mtimeMs: 1_700_000_000_000 + i,
  dev: 2049,
  ino: 9_000_000_000 + i,
}));

describe('PackedFiles', () => {
  it('round-trips entries through a builder that has to grow', () => {
    const packed = PackedFiles.fromEntries(entries);
    expect(packed.count).toBe(entries.length);
    expect(packed.toEntries()).toEqual(entries);
    expect(packed.entry(4_321)).toEqual(entries[4_321]);
    expect(packed.totalBytes()).toBe(entries.reduce((sum, e) => sum + e.sizeBytes, 0));
    expect(packed.pathBytes.length).toBe(packed.pathOffsets[packed.count]);
  });

  it('takes the relative part of an absolute path', () => {
    const builder = new PackedFilesBuilder(1);
    builder.add(new TextEncoder().encode('/root/sub/f.txt'), '/root/'.length, 3, 4, 5, 6);
    expect(builder.build().toEntries()).toEqual([
      { path: 'sub/f.txt', sizeBytes: 3, mtimeMs: 4, dev: 5, ino: 6 },
    ]);
  });

  it('concatenates chunks in order', () => {
    const parts = [entries.slice(0, 10), [], entries.slice(10, 3_000), entries.slice(3_000)];
    const joined = PackedFiles.concat(parts.map((p) => PackedFiles.fromEntries(p)));
    expect(joined.toEntries()).toEqual(entries);
    expect(PackedFiles.concat([]).count).toBe(0);
  });

  it('survives a structured clone of its buffers (what a worker transfer does)', () => {
    const packed = PackedFiles.fromEntries(entries.slice(0, 50));
    const copy = new PackedFiles(structuredClone(packed.buffers(), { transfer: packed.transferList() }));
    expect(copy.toEntries()).toEqual(entries.slice(0, 50));
  });

  it('hands over untrimmed columns that read, join and index like trimmed ones', () => {
    const builder = new PackedFilesBuilder(10_000, 10_000 * 64);
    for (const e of entries.slice(0, 2_000)) {
      builder.add(new TextEncoder().encode(e.path), 0, e.sizeBytes, e.mtimeMs, e.dev, e.ino);
    }
    const columns = builder.columns();
    expect(columns.sizeBytes.length).toBe(10_000);
    const untrimmed = new PackedFiles(columns);
    expect(untrimmed.toEntries()).toEqual(entries.slice(0, 2_000));
    expect(untrimmed.totalBytes()).toBe(PackedFiles.fromEntries(entries.slice(0, 2_000)).totalBytes());
    const joined = PackedFiles.concat([untrimmed, PackedFiles.fromEntries(entries.slice(2_000))]);
    expect(joined.toEntries()).toEqual(entries);
  });
});
