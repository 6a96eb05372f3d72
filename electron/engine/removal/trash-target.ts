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

export interface TrashPlace {
  /** The home trash folder: `$XDG_DATA_HOME/Trash` (default `~/.local/share/Trash`), or `~/.Trash` on macOS. */
  homeTrash: string;
  uid: number;
  platform: NodeJS.Platform;
}

/** Where this process's trash lives, read once from its environment. */
export function trashPlace(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): TrashPlace {
  const home = env.HOME || os.homedir();
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

/**
 * The mount point `rootPath` is under. Linux: the longest mount point in /proc/self/mountinfo that
 * contains it (a bind mount has its source's device, so only the mount table tells where it starts).
 * Elsewhere: the highest ancestor on the same device.
 */
export function mountTop(rootPath: string, dev: number): string {
  if (process.platform === 'linux') {
    try {
      let best = '/';
      for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
        const field = line.split(' ')[4];
        if (field === undefined) continue;
        const point = field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
        const inside = rootPath === point || rootPath.startsWith(point.endsWith('/') ? point : `${point}/`);
        if (inside && point.length > best.length) best = point;
      }
      return best;
    } catch {
      // No /proc: walk up by device below.
    }
  }
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

/**
 * The trash folders for files on `dev` under `rootPath`, opened only when needed: the home trash when it
 * is on that device, then the volume's own. A rename into the home trash can still fail with EXDEV (a
 * bind mount shares its source's device but is another mount): the core then drops it for the next one.
 */
export class TrashChain {
  private readonly tried: string[] = [];
  private target: TrashTarget | null = null;
  private step = 0;

  constructor(
    private readonly dirFs: DirFs,
    private readonly place: TrashPlace,
    private readonly rootPath: string,
    private readonly dev: number,
  ) {}

  /** The trash folder to use now, or null when none is left (`whyNone` says why). */
  current(): TrashTarget | null {
    while (this.target === null && this.step < 2) {
      const found = this.step++ === 0 ? homeTrash(this.dirFs, this.place, this.dev) : this.volumeTrash();
      if (typeof found === 'string') this.tried.push(found);
      else this.target = found;
    }
    return this.target;
  }

  /** The current folder cannot take this root's files (EXDEV): move on to the next. */
  drop(why: string): void {
    this.target?.close();
    this.target = null;
    this.tried.push(why);
  }

  whyNone(): string {
    return this.tried.join('; ');
  }

  close(): void {
    this.target?.close();
    this.target = null;
  }

  private volumeTrash(): TrashTarget | string {
    const topPath = mountTop(this.rootPath, this.dev);
    let top: DirHandle;
    try {
      top = this.dirFs.openDir(topPath);
    } catch (error) {
      return `the volume's top folder ${topPath} cannot be opened: ${(error as Error).message}`;
    }
    try {
      return topTrash(this.dirFs, this.place, top);
    } finally {
      this.dirFs.close(top);
    }
  }
}
