/**
 * A folder's files in columns: what cleanup plans from, so a million files need not be a million objects.
 */
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
