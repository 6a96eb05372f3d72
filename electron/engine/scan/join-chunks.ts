/**
 * Joins the chunks a scan's workers sent into one column set without blocking the host: a million files'
 * columns copied in one go stall the event loop long enough to show (bench/PERFORMANCE.md), so each chunk
 * is copied in its own turn of the event loop.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PackedFiles, PackedFilesBuilder } from './packed-files.js';

/** Joins `chunks` in order; empties the array as it goes so each chunk's memory can be freed early. */
export async function joinChunks(chunks: PackedFiles[]): Promise<PackedFiles> {
  if (chunks.length === 0) return PackedFiles.empty();
  if (chunks.length === 1) return chunks[0] as PackedFiles;
  let count = 0;
  let byteLength = 0;
  for (const chunk of chunks) {
    count += chunk.count;
    byteLength += chunk.pathOffsets[chunk.count] ?? 0;
  }
  // Sized exactly, so that build() can hand over the columns without another full copy.
  const out = new PackedFilesBuilder(count, byteLength);
  while (chunks.length > 0) {
    out.append(chunks.shift() as PackedFiles);
    if (chunks.length > 0) await nextTurn();
  }
  return out.build();
}
