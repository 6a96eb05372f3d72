/**
 * Entries as columns, for tests and benchmarks that write their files as objects: production plans from the scan's
 * `PackedFiles` as they are, so this copy lives here and not in core.
 */
import type { FileColumns } from '../../electron/core/file-columns.js';
import type { FileEntry } from '../../shared/types.js';

/** `files` copied into four Float64Arrays (a Float64Array holds any JS number exactly), paths kept as they are. */
export function columnsOf(files: readonly FileEntry[]): FileColumns {
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
