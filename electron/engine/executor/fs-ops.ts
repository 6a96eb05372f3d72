/**
 * The file-system calls the executor makes, as a small port. Hosts use `nodeFsOps`; a test that needs a
 * failure the kernel will not produce on demand (EBUSY) replaces one call and says so in its name.
 */
import fs from 'node:fs/promises';
import type { Stats } from 'node:fs';

export interface FsOps {
  lstat(path: string): Promise<Stats>;
  realpath(path: string): Promise<string>;
  unlink(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
}

export const nodeFsOps: FsOps = {
  lstat: (p) => fs.lstat(p),
  realpath: (p) => fs.realpath(p),
  unlink: (p) => fs.unlink(p),
  rmdir: (p) => fs.rmdir(p),
  readdir: (p) => fs.readdir(p),
};

/** The errno code of a thrown value (`'ENOENT'`, `'EACCES'` …), or `'UNKNOWN'`. */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    if (typeof code === 'string' && code.length > 0) return code;
  }
  return 'UNKNOWN';
}

/** A one-line message of a thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Errors that usually clear up by themselves: a file held open (EBUSY; Windows sharing violations map to
 * it), a busy executable, or too many open files. These are retried once, then left for the next run.
 */
const TRANSIENT_CODES = new Set(['EBUSY', 'EAGAIN', 'EWOULDBLOCK', 'EMFILE', 'ENFILE', 'ETXTBSY']);

export function isTransientCode(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}
