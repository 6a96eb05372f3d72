/**
 * A folder's index built from a whole scan in one synchronous call: the reference the tests and benchmarks hold
 * FolderIndexBuilder (which the engine uses, in slices, over batches) against.
 */
import { FolderIndex, type ExcludePredicate } from '../../electron/engine/index/folder-index.js';
import { PathTable } from '../../electron/engine/index/path-table.js';
import type { FolderScan } from '../../electron/engine/scan/scan-types.js';

/** The index of `scan` without the files `isExcluded` matches; shares the scan's path bytes, copies its columns. */
export function indexFromScan(scan: FolderScan, isExcluded?: ExcludePredicate): FolderIndex {
  const files = scan.files;
  const keep = isExcluded ? (i: number) => !isExcluded(files.path(i)) : () => true;
  const table = PathTable.fromPacked(files.pathBytes, files.pathOffsets, files.count, keep);
  // Copies: the index writes into its columns, and the scan's must stay as they are.
  const sizes = new Float64Array(table.idCapacity);
  const mtimes = new Float64Array(table.idCapacity);
  sizes.set(files.sizeBytes.subarray(0, files.count));
  mtimes.set(files.mtimeMs.subarray(0, files.count));
  return new FolderIndex(isExcluded, table, { sizes, mtimes });
}
