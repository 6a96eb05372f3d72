import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FolderIndex } from '../../../electron/engine/index/folder-index.js';
import { FolderIndexBuilder } from '../../../electron/engine/index/folder-index-builder.js';
import { PackedFiles } from '../../../electron/engine/scan/packed-files.js';
import type { FolderScan } from '../../../electron/engine/scan/scan-types.js';
import type { FileEntry } from '../../../shared/types.js';
import { indexFromScan } from '../../../bench/lib/index-from-scan.js';
import { entriesOf, packEntries } from '../../../bench/lib/packed-entries.js';

type Model = Map<string, { sizeBytes: number; mtimeMs: number }>;

function contents(index: FolderIndex): Model {
  const out: Model = new Map();
  index.forEach((path, sizeBytes, mtimeMs) => out.set(path, { sizeBytes, mtimeMs }));
  return out;
}

function scanOf(entries: FileEntry[]): FolderScan {
  const files = packEntries(entries);
  return { root: '/r', exists: true, error: null, files, dirs: [''], unreadable: [], durationMs: 0 };
}

const segment = fc.constantFrom('a', 'b', 'ab', 'é', '日本', 'x y');
const relPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
const entry = fc
  .tuple(relPath, fc.nat(1e6), fc.nat(100))
  .map(([path, sizeBytes, mtimeMs]): FileEntry => ({ path, sizeBytes, mtimeMs, dev: 1, ino: 1 }));
const excluded = (p: string) => p.startsWith('b/');

describe('FolderIndexBuilder', () => {
  it('built from batches equals indexFromScan of the whole scan, and stays exact under upserts and removals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(entry, { maxLength: 30 }), { maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.tuple(relPath, fc.nat(1e6), fc.nat(100), fc.boolean()), { maxLength: 40 }),
        async (batches, excludes, steps) => {
          // Without a predicate the builder copies batches in bulk; with one, file by file.
          const isExcluded = excludes ? excluded : undefined;
          const builder = new FolderIndexBuilder(isExcluded ? { isExcluded } : {});
          for (const batch of batches) builder.add(packEntries(batch));
          const built = await builder.build();
          const whole = indexFromScan(scanOf(batches.flat()), isExcluded);
          expect(contents(built)).toEqual(contents(whole));
          expect(built.totals()).toEqual(whole.totals());
          for (const [path, size, mtime, remove] of steps) {
            if (remove) expect(built.remove(path)).toBe(whole.remove(path));
            else expect(built.upsert(path, size, mtime)).toBe(whole.upsert(path, size, mtime));
          }
          expect(contents(built)).toEqual(contents(whole));
          expect(built.totals()).toEqual(whole.totals());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hashes a large batch in slices, pausing between them (counting pause)', async () => {
    let pauses = 0;
    const builder = new FolderIndexBuilder({ pause: async () => void pauses++, sliceMs: 0 });
    const entries = Array.from({ length: 120_000 }, (_, i): FileEntry => {
      return { path: `d${i % 100}/f${i}.wav`, sizeBytes: i, mtimeMs: 1_000 + (i % 777), dev: 1, ino: i };
    });
    builder.add(packEntries(entries.slice(0, 70_000)));
    builder.add(packEntries(entries.slice(70_000)));
    const index = await builder.build();
    // Two segments (65,536 files each) copied, then 120,000 names hashed 2,048 at a time.
    expect(pauses).toBeGreaterThanOrEqual(1 + Math.floor(120_000 / 2_048));
    expect(index.totals()).toEqual({
      sizeBytes: entries.reduce((sum, e) => sum + e.sizeBytes, 0),
      fileCount: entries.length,
      oldestMtimeMs: 1_000,
    });
    expect(index.get('d42/f119942.wav')).toEqual({ sizeBytes: 119_942, mtimeMs: 1_000 + (119_942 % 777) });
    expect(() => builder.add(PackedFiles.empty())).toThrow(/after build/);
  });

  it('keeps a batch it was given intact and does not hold on to it', async () => {
    const batch = packEntries([
      { path: 'a.wav', sizeBytes: 3, mtimeMs: 9, dev: 1, ino: 1 },
      { path: 'b.wav', sizeBytes: 4, mtimeMs: 8, dev: 1, ino: 2 },
    ]);
    const before = entriesOf(batch);
    const builder = new FolderIndexBuilder();
    builder.add(batch);
    const index = await builder.build();
    index.upsert('a.wav', 100, 1);
    index.upsert('c.wav', 5, 5);
    expect(entriesOf(batch)).toEqual(before);
    expect(index.totals()).toEqual({ sizeBytes: 109, fileCount: 3, oldestMtimeMs: 1 });
  });
});
