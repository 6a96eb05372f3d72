/**
 * The removal core's port to the file system: every call is relative to an open directory (a handle) and
 * takes one bare name, so no call resolves a path that another process could have redirected since it was
 * checked (DESIGN.md invariant 1). `nativeDirFs` keeps that promise with real descriptors (openat,
 * fstatat, unlinkat, renameat2); `pathDirFs`, for platforms where the addon is not built, cannot, and says
 * so with `raceFree: false`: the core then keeps files in folders other users can write to.
 */

/** An open directory. `fd` is -1 on the path-based fallback, where only `absPath` and identity exist. */
export interface DirHandle {
  fd: number;
  absPath: string;
  dev: number;
  ino: number;
  /** Owner and permission bits, for the shared-folder guard of the fallback. */
  uid: number;
  mode: number;
}

/** What `lstat` says of one entry, never following a link. */
export interface EntryStat {
  kind: 'file' | 'dir' | 'link' | 'other';
  dev: number;
  ino: number;
  size: number;
  /** Disk space the entry occupies (`st_blocks` × 512); what removing its last link gives back. */
  diskBytes: number;
  nlink: number;
  uid: number;
  mode: number;
  /** Computed exactly as Node computes `Stats.mtimeMs`, so it compares equal with a scan's value. */
  mtimeMs: number;
}

export interface DirFs {
  /** True when every call is bound to the directory handle (openat family), false on the path fallback. */
  readonly raceFree: boolean;
  /** Opens an absolute directory path; its last component must not be a link. */
  openDir(absPath: string): DirHandle;
  /** Opens the subdirectory `name` of `parent` without following a link (ELOOP/ENOTDIR otherwise). */
  openChild(parent: DirHandle, name: string): DirHandle;
  stat(parent: DirHandle, name: string): EntryStat;
  unlink(parent: DirHandle, name: string): void;
  rmdir(parent: DirHandle, name: string): void;
  mkdir(parent: DirHandle, name: string, mode: number): void;
  /** Creates `name` exclusively (never through a link) and writes `content` to it. */
  writeNewFile(parent: DirHandle, name: string, content: string, mode: number): void;
  /** Moves `name` to `toName` in `to` on the same file system; EEXIST rather than replace, EXDEV across. */
  renameNoReplace(from: DirHandle, name: string, to: DirHandle, toName: string): void;
  readdir(dir: DirHandle): string[];
  close(dir: DirHandle): void;
}

const S_IFMT = 0o170000;

/** The kind of an entry from its `st_mode`. */
export function kindOfMode(mode: number): EntryStat['kind'] {
  switch (mode & S_IFMT) {
    case 0o100000:
      return 'file';
    case 0o040000:
      return 'dir';
    case 0o120000:
      return 'link';
    default:
      return 'other';
  }
}
