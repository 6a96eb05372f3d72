/**
 * Sizes live in 32 bits with the rare larger one kept beside them: every size must come back exact, from a
 * scan's batches and from the watcher's updates, and the totals must add the real figures.
 */
import { describe, expect, it } from 'vitest';
import { FolderIndex } from '../../../electron/engine/index/folder-index.js';
import { FolderIndexBuilder } from '../../../electron/engine/index/folder-index-builder.js';
import { PackedFilesBuilder } from '../../../electron/engine/scan/packed-files.js';

const GiB = 2 ** 30;
const SIZES = [0, 1, 2 ** 32 - 2, 2 ** 32 - 1, 2 ** 32, 70 * GiB + 3, 2 ** 53 - 1, 12.5];

describe('file sizes in the index', () => {
  it('keeps sizes of 4 GiB and more exact, from a scan and from updates', async () => {
    const files = new PackedFilesBuilder(SIZES.length);
    const encoder = new TextEncoder();
    SIZES.forEach((size, i) => files.add(encoder.encode(`models/m${i}.bin`), 0, size, 1000 + i, 1, i));
    const builder = new FolderIndexBuilder();
    builder.add(files.build());
    const scanned = await builder.build();
    const updated = new FolderIndex();
    SIZES.forEach((size, i) => updated.upsert(`models/m${i}.bin`, size, 1000 + i));
    const total = SIZES.reduce((a, b) => a + b, 0);
    for (const index of [scanned, updated]) {
      SIZES.forEach((size, i) => expect(index.get(`models/m${i}.bin`)?.sizeBytes).toBe(size));
      expect(index.totals().sizeBytes).toBe(total);
    }
    expect(scanned.diff(updated)).toEqual({ files: 0, bytes: 0 });
    // A big file shrinks and a small one grows past 4 GiB: both read back as written.
    updated.upsert('models/m5.bin', 10, 2000);
    updated.upsert('models/m1.bin', 5 * GiB, 2000);
    expect(updated.get('models/m5.bin')?.sizeBytes).toBe(10);
    expect(updated.get('models/m1.bin')?.sizeBytes).toBe(5 * GiB);
    expect(updated.totals().sizeBytes).toBe(total - (70 * GiB + 3) + 10 - 1 + 5 * GiB);
    expect(scanned.diff(updated)).toEqual({ files: 2, bytes: 70 * GiB + 3 - 10 + (5 * GiB - 1) });
    updated.remove('models/m1.bin');
    expect(updated.totals().sizeBytes).toBe(total - (70 * GiB + 3) + 10 - 1);
  });
});
