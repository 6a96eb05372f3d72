/**
 * PackedFiles to and from plain entries, for tests and benchmarks that write or read files as objects.
 * The engine never needs them: it scans into columns, plans from columns and posts columns between threads.
 */
import type { PackedFiles } from '../../electron/engine/scan/packed-files.js';
import { PackedFilesBuilder, type PackedFilesBuffers } from '../../electron/engine/scan/packed-files.js';
import { encodeName } from '../../shared/byte-names.js';
import type { FileEntry } from '../../shared/types.js';

/** Packs plain entries. */
export function packEntries(entries: readonly FileEntry[]): PackedFiles {
  const builder = new PackedFilesBuilder(entries.length);
  for (const e of entries) builder.add(encodeName(e.path), 0, e.sizeBytes, e.mtimeMs, e.dev, e.ino);
  return builder.build();
}

/** Joins packed lists in order in one call: the reference the engine's sliced `joinChunks` is held against. */
export function concatPacked(parts: readonly PackedFiles[]): PackedFiles {
  if (parts.length === 1 && parts[0]) return parts[0];
  let count = 0;
  let byteLength = 0;
  for (const p of parts) {
    count += p.count;
    byteLength += p.pathOffsets[p.count] ?? 0;
  }
  const out = new PackedFilesBuilder(count, byteLength);
  for (const p of parts) out.append(p);
  return out.build();
}

/** File `i` as an entry. */
export function entryAt(files: PackedFiles, i: number): FileEntry {
  return {
    path: files.path(i),
    sizeBytes: files.sizeBytes[i] ?? 0,
    mtimeMs: files.mtimeMs[i] ?? 0,
    dev: files.dev[i] ?? 0,
    ino: files.ino[i] ?? 0,
  };
}

/** Every file as an entry: an object per file, so only for small lists. */
export function entriesOf(files: PackedFiles): FileEntry[] {
  const entries = new Array<FileEntry>(files.count);
  for (let i = 0; i < files.count; i++) entries[i] = entryAt(files, i);
  return entries;
}

/** The sum of the files' sizes. */
export function totalBytesOf(files: PackedFiles): number {
  let total = 0;
  for (let i = 0; i < files.count; i++) total += files.sizeBytes[i] ?? 0;
  return total;
}

/** The raw columns and the ArrayBuffers to transfer with them, as a worker posts them. */
export function transferable(files: PackedFiles): { buffers: PackedFilesBuffers; transfer: ArrayBuffer[] } {
  const { count, pathBytes, pathOffsets, sizeBytes, mtimeMs, dev, ino } = files;
  const columns = [pathBytes, pathOffsets, sizeBytes, mtimeMs, dev, ino];
  return {
    buffers: { count, pathBytes, pathOffsets, sizeBytes, mtimeMs, dev, ino },
    transfer: columns.map((a) => a.buffer as ArrayBuffer),
  };
}
