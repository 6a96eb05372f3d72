/**
 * A folder's scan and its index in one pass: each batch of files goes into the index as a worker reports
 * it, so the host never holds the joined scan beside the index, nor stops for one synchronous build (what
 * both cost on a million files: bench/PERFORMANCE.md).
 */
import { releaseFreeMemorySoon } from '../scan/release-free-memory.js';
import { scanFolder } from '../scan/scan-folder.js';
import type { FolderScan, ScanOptions } from '../scan/scan-types.js';
import { FolderIndex, type ExcludePredicate } from './folder-index.js';
import { FolderIndexBuilder } from './folder-index-builder.js';
import type { PackedFiles } from '../scan/packed-files.js';

export interface IndexedScan {
  /** The scan's outcome; its `files` is empty (they went into `index`). */
  scan: FolderScan;
  /** The counted files; empty when the root is missing or could not be read. */
  index: FolderIndex;
}

export interface ScanFolderIndexOptions extends Omit<ScanOptions, 'onFiles'> {
  isExcluded?: ExcludePredicate;
  /** After each batch: the counted files and their bytes so far (a first scan shows them as progress). */
  onProgress?: (progress: ScanProgressCount) => void;
}

/** How far a scan has got: counted files and their total size. */
export interface ScanProgressCount {
  files: number;
  bytes: number;
}

/** Scans `root` (see `scanFolder`) straight into a FolderIndex. Rejects only when `signal` aborts. */
export async function scanFolderIndex(
  root: string,
  options: ScanFolderIndexOptions = {},
): Promise<IndexedScan> {
  const { isExcluded, onProgress, ...scanOptions } = options;
  const builder = new FolderIndexBuilder(isExcluded ? { isExcluded } : {});
  const onFiles = (files: PackedFiles): void => {
    builder.add(files);
    onProgress?.({ files: builder.size, bytes: builder.sizeBytes });
  };
  const scan = await scanFolder(root, { ...scanOptions, onFiles });
  if (!scan.exists || scan.error !== null) return { scan, index: new FolderIndex(isExcluded) };
  const index = await builder.build();
  releaseFreeMemorySoon();
  return { scan, index };
}
