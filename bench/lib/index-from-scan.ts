/**
 * A folder's index built from a whole scan in one synchronous call: the reference the tests and benchmarks hold
 * FolderIndexBuilder (which the engine uses, in slices, over batches) against. It goes through PathTable's
 * public `insert`, an arena sized to the scan's names, so it shares no code path with the builder's
 * `fromPackedInSlices` beyond the table itself.
 */
import { FolderIndex, type ExcludePredicate } from '../../electron/engine/index/folder-index.js';
import { PathTable } from '../../electron/engine/index/path-table.js';
import type { FolderScan } from '../../electron/engine/scan/scan-types.js';

/** The index of `scan` without the files `isExcluded` matches; copies the scan's names and columns. */
export function indexFromScan(scan: FolderScan, isExcluded?: ExcludePredicate): FolderIndex {
  const files = scan.files;
  const { pathBytes, pathOffsets, count } = files;
  const table = new PathTable(count, pathOffsets[count] ?? 0);
  // One id per kept file; -1 for a file left out or a name repeated (the first one stays, as in the engine).
  const ids = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    if (isExcluded?.(files.path(i))) continue;
    const name = pathBytes.subarray(pathOffsets[i] as number, pathOffsets[i + 1] as number);
    const { id, added } = table.insert(name);
    if (added) ids[i] = id;
  }
  const sizes = new Float64Array(table.idCapacity);
  const mtimes = new Float64Array(table.idCapacity);
  for (let i = 0; i < count; i++) {
    const id = ids[i] as number;
    if (id < 0) continue;
    sizes[id] = files.sizeBytes[i] as number;
    mtimes[id] = files.mtimeMs[i] as number;
  }
  return new FolderIndex(isExcluded, table, { sizes, mtimes });
}
