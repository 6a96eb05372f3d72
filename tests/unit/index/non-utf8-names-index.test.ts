/**
 * The index and the scan's columns with names that are not valid UTF-8: a path with an escaped byte
 * (shared/byte-names.ts) is the same key whether it came from a scan's bytes or from the watcher's string,
 * and never the same as the U+FFFD spelling of it.
 */
import { describe, expect, it } from 'vitest';
import { FolderIndexBuilder } from '../../../electron/engine/index/folder-index-builder.js';
import type { PackedFiles } from '../../../electron/engine/scan/packed-files.js';
import { PackedFilesBuilder } from '../../../electron/engine/scan/packed-files.js';
import type { FolderScan } from '../../../electron/engine/scan/scan-types.js';
import { indexFromScan } from '../../../bench/lib/index-from-scan.js';
import { entriesOf, packEntries } from '../../../bench/lib/packed-entries.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));

/** Columns as a scan packs them: raw bytes. */
function packed(): PackedFiles {
  const builder = new PackedFilesBuilder(4);
  builder.add(bytes('f', [0xff], '.wav'), 0, 10, 1, 1, 1);
  builder.add(bytes('d', [0xfe], '/g.wav'), 0, 20, 2, 1, 2);
  builder.add(bytes('ok\ufffd.wav'), 0, 30, 3, 1, 3);
  return builder.build();
}

const scanOf = (files: PackedFiles): FolderScan => ({
  root: '/r',
  exists: true,
  error: null,
  files,
  dirs: [''],
  unreadable: [],
  durationMs: 0,
});

describe('non-UTF-8 names in the scan columns and the index', () => {
  it('reads paths with escapes and packs them back to the same bytes', () => {
    const files = packed();
    expect(entriesOf(files).map((e) => e.path)).toEqual(['f\udcff.wav', 'd\udcfe/g.wav', 'ok\ufffd.wav']);
    const again = packEntries(entriesOf(files));
    expect(again.pathBytes).toEqual(files.pathBytes);
  });

  it('finds, updates and forgets an escaped path given as a string', async () => {
    const builder = new FolderIndexBuilder({ isExcluded: (p) => p.endsWith('.log') });
    builder.add(packed());
    for (const index of [indexFromScan(scanOf(packed())), await builder.build()]) {
      expect(index.get('f\udcff.wav')).toEqual({ sizeBytes: 10, mtimeMs: 1 });
      expect(index.has('f\ufffd.wav')).toBe(false);
      index.upsert('f\udcff.wav', 11, 1);
      expect(index.totals().fileCount).toBe(3);
      expect(index.removeUnder('d\udcfe')).toBe(1);
      expect(index.remove('f\udcff.wav')).toBe(true);
      const left: string[] = [];
      index.forEach((p) => left.push(p));
      expect(left).toEqual(['ok\ufffd.wav']);
    }
  });
});
