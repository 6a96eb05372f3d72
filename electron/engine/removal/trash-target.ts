/**
 * Finds and opens the trash folder for the files of one root, by the freedesktop.org trash specification
 * (Linux) or the macOS convention, never one another user could have prepared: the home trash when it is
 * on the root's file system, else the file system's `$topdir/.Trash/$uid` (`.Trash` a real folder with the
 * sticky bit) or `$topdir/.Trash-$uid`. Each trash folder must be a real directory owned by this user with
 * no access for others, or it is not used. Files are then moved into it by a rename between open
 * directories, which fails with EXDEV rather than copy across file systems.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DirFs, DirHandle } from './dir-fs.js';

export interface TrashTarget {
  /** `files/` (Linux) or the trash folder itself (macOS). */
  files: DirHandle;
  /** `info/` for the `.trashinfo` files, Linux only. */
  info: DirHandle | null;
  /** The folder paths in `Path=` are relative to (a top-directory trash), or null for absolute paths. */
  relativeTo: string | null;
  close(): void;
}

export type TrashLookup = { ok: true; target: TrashTarget } | { ok: false; why: string };

export interface TrashPlace {
  /** The home trash folder: `$XDG_DATA_HOME/Trash` (default `~/.local/share/Trash`), or `~/.Trash` on macOS. */
  homeTrash: string;
  uid: number;
  platform: NodeJS.Platform;
}

/** Where this process's trash lives, read once from its environment. */
export function trashPlace(env: NodeJS.ProcessEnv = process.env): TrashPlace {
  const home = env.HOME || os.homedir();
  const platform = process.platform;
  const dataHome = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : null;
  const homeTrash =
    platform === 'darwin'
      ? path.join(home, '.Trash')
      : path.join(dataHome ?? path.join(home, '.local', 'share'), 'Trash');
  return { homeTrash, uid: process.getuid?.() ?? -1, platform };
}

/** A trash folder this user alone can reach: a real directory, owned by the user, no group/other bits. */
function isPrivate(dir: DirHandle, uid: number): boolean {
  return dir.uid === uid && (dir.mode & 0o077) === 0;
}

/** Opens `name` in `parent`, creating it (0700) first when missing. Throws when it cannot. */
function openOrCreate(dirFs: DirFs, parent: DirHandle, name: string): DirHandle {
  try {
    return dirFs.openChild(parent, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    try {
      dirFs.mkdir(parent, name, 0o700);
    } catch (mkdirError) {
      if ((mkdirError as NodeJS.ErrnoException).code !== 'EEXIST') throw mkdirError;
    }
    return dirFs.openChild(parent, name);
  }
}

/** `files/` and `info/` of a trash folder (just the folder on macOS), each private to the user. */
function openTrashDir(dirFs: DirFs, trash: DirHandle, place: TrashPlace, relativeTo: string | null) {
  if (place.platform === 'darwin') {
    return { files: trash, info: null, relativeTo, close: () => dirFs.close(trash) };
  }
  const files = openOrCreate(dirFs, trash, 'files');
  const info = openOrCreate(dirFs, trash, 'info');
  dirFs.close(trash);
  const target: TrashTarget = {
    files,
    info,
    relativeTo,
    close: () => {
      dirFs.close(files);
      dirFs.close(info);
    },
  };
  if (!isPrivate(files, place.uid) || !isPrivate(info, place.uid)) {
    target.close();
    throw new Error(`${path.join(trash.absPath, 'files')} or info is not private to you`);
  }
  return target;
}

/** The home trash, created when missing (its parents are the user's own folders). */
function homeTrash(dirFs: DirFs, place: TrashPlace, dev: number): TrashTarget | string {
  const parentPath = path.dirname(place.homeTrash);
  try {
    fs.mkdirSync(parentPath, { recursive: true, mode: 0o700 });
    const parent = dirFs.openDir(parentPath);
    let trash: DirHandle;
    try {
      trash = openOrCreate(dirFs, parent, path.basename(place.homeTrash));
    } finally {
      dirFs.close(parent);
    }
    if (trash.dev !== dev) {
      dirFs.close(trash);
      return `the home trash ${place.homeTrash} is on another file system`;
    }
    if (!isPrivate(trash, place.uid)) {
      dirFs.close(trash);
      return `the home trash ${place.homeTrash} is not a folder private to you`;
    }
    return openTrashDir(dirFs, trash, place, null);
  } catch (error) {
    return `the home trash ${place.homeTrash} cannot be used: ${(error as Error).message}`;
  }
}

/** The top folder of the file system `rootPath` is on: the highest ancestor on the same device. */
function mountTop(rootPath: string, dev: number): string {
  let top = rootPath;
  for (;;) {
    const parent = path.dirname(top);
    if (parent === top) return top;
    try {
      if (fs.lstatSync(parent).dev !== dev) return top;
    } catch {
      return top;
    }
    top = parent;
  }
}

/** `$topdir/.Trash/$uid` (Linux `.Trash` needs the sticky bit) or `$topdir/.Trash-$uid` (macOS `.Trashes/$uid`). */
function topTrash(dirFs: DirFs, place: TrashPlace, top: DirHandle): TrashTarget | string {
  const uid = String(place.uid);
  const shared = place.platform === 'darwin' ? '.Trashes' : '.Trash';
  try {
    const st = dirFs.stat(top, shared);
    if (st.kind === 'dir' && (place.platform === 'darwin' || (st.mode & 0o1000) !== 0)) {
      const parent = dirFs.openChild(top, shared);
      try {
        const own = openOrCreate(dirFs, parent, uid);
        if (isPrivate(own, place.uid)) return openTrashDir(dirFs, own, place, top.absPath);
        dirFs.close(own);
      } finally {
        dirFs.close(parent);
      }
    }
  } catch {
    // No usable $topdir/.Trash: try .Trash-$uid.
  }
  if (place.platform === 'darwin') return `no private ${shared}/${uid} folder on ${top.absPath}`;
  try {
    const own = openOrCreate(dirFs, top, `.Trash-${uid}`);
    if (isPrivate(own, place.uid)) return openTrashDir(dirFs, own, place, top.absPath);
    dirFs.close(own);
    return `${path.join(top.absPath, `.Trash-${uid}`)} exists but is not a folder private to you`;
  } catch (error) {
    return `no trash folder can be made on ${top.absPath}: ${(error as Error).message}`;
  }
}

/** The trash for files on `dev` under `rootPath`: the home trash when on that device, else the volume's. */
export function findTrash(dirFs: DirFs, place: TrashPlace, rootPath: string, dev: number): TrashLookup {
  const home = homeTrash(dirFs, place, dev);
  if (typeof home !== 'string') return { ok: true, target: home };
  let top: DirHandle;
  try {
    top = dirFs.openDir(mountTop(rootPath, dev));
  } catch (error) {
    return {
      ok: false,
      why: `${home}; the volume's top folder cannot be opened: ${(error as Error).message}`,
    };
  }
  try {
    const found = topTrash(dirFs, place, top);
    return typeof found === 'string' ? { ok: false, why: `${home}; ${found}` } : { ok: true, target: found };
  } finally {
    dirFs.close(top);
  }
}
