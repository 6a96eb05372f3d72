/**
 * Resolves a folder root once, at the start of a run, to the real directory every planned path is walked
 * from, and its identity (device, inode) that the removal core checks when it opens it. A root that is
 * missing, not a directory, or has itself become a symbolic link is refused.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SkipWhy } from '../../../shared/types.js';
import { errorCode, errorMessage } from '../fs/errno.js';

export interface RealRoot {
  /** The root with every symbolic link in its ancestors resolved. */
  realPath: string;
  /** Device of the root: no removal may happen on another device (a mount point below the root). */
  dev: number;
  ino: number;
}

export type RootResult =
  | { ok: true; root: RealRoot }
  | { ok: false; why: SkipWhy; detail: string }
  | { ok: false; why: 'error'; code: string; detail: string };

/** Checks the root with `lstat` (the root itself must not be a link) and resolves its ancestors with `realpath`. */
export async function resolveRoot(rootPath: string): Promise<RootResult> {
  if (!path.isAbsolute(rootPath)) {
    return {
      ok: false,
      why: 'outside-root',
      detail: `the folder root "${rootPath}" is not an absolute path`,
    };
  }
  try {
    const own = await fs.lstat(rootPath);
    if (own.isSymbolicLink()) {
      return { ok: false, why: 'outside-root', detail: `the folder root ${rootPath} is now a symbolic link` };
    }
    if (!own.isDirectory()) {
      return { ok: false, why: 'changed', detail: `the folder root ${rootPath} is no longer a folder` };
    }
    const realPath = await fs.realpath(rootPath);
    const real = await fs.lstat(realPath);
    if (!real.isDirectory()) {
      return { ok: false, why: 'changed', detail: `the folder root ${rootPath} is no longer a folder` };
    }
    return { ok: true, root: { realPath, dev: real.dev, ino: real.ino } };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, why: 'gone', detail: `the folder root ${rootPath} no longer exists` };
    }
    return {
      ok: false,
      why: 'error',
      code,
      detail: `the folder root ${rootPath} could not be read: ${errorMessage(error)}`,
    };
  }
}
