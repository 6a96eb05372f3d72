/**
 * A folder's files in columns: what cleanup plans from, so a million files need not be a million objects.
 */
import type { FileEntry } from '../../shared/types.js';

/**
 * Read-only columns of `count` files; the engine's `PackedFiles` satisfies it as it is. The number
 * columns may be longer than `count`: only indices below `count` are files. `path(i)` may build a new
 * string on each call (PackedFiles decodes UTF-8), so callers decode a path only when they need it.
 */
export interface FileColumns {
  readonly count: number;
  /** The relative path of file `i`, `/`-separated. */
  path(i: number): string;
  readonly sizeBytes: ArrayLike<number>;
  readonly mtimeMs: ArrayLike<number>;
  readonly dev: ArrayLike<number>;
  readonly ino: ArrayLike<number>;
}

/**
 * `files` as columns. An array is copied into four Float64Arrays (a Float64Array holds any JS number
 * exactly) and keeps its own path strings; columns are returned as they are.
 */
export function toFileColumns(files: readonly FileEntry[] | FileColumns): FileColumns {
  if (!isEntryArray(files)) return files;
  const n = files.length;
  const columns = {
    count: n,
    path: (i: number): string => files[i]!.path,
    sizeBytes: new Float64Array(n),
    mtimeMs: new Float64Array(n),
    dev: new Float64Array(n),
    ino: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const f = files[i]!;
    columns.sizeBytes[i] = f.sizeBytes;
    columns.mtimeMs[i] = f.mtimeMs;
    columns.dev[i] = f.dev;
    columns.ino[i] = f.ino;
  }
  return columns;
}

function isEntryArray(files: readonly FileEntry[] | FileColumns): files is readonly FileEntry[] {
  return Array.isArray(files);
}
