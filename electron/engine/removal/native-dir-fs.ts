/**
 * The race-free `DirFs`, over Headroom's small node-api addon (native/src/headroom_fs.c). It is built by
 * `npm ci` (scripts/build-native.js) on Linux and macOS; where it is missing, `loadNativeDirFs` says why and
 * the core falls back to `pathDirFs`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeName } from '../../../shared/byte-names.js';
import { fsPath as b } from '../fs/fs-path.js';
import { kindOfMode, type DirFs, type DirHandle, type EntryStat } from './dir-fs.js';

/** Every name and path goes as a string, or as its bytes (`fsPath`) when it is not valid UTF-8. */
type Name = string | Buffer;

interface Addon {
  openDir(absPath: Name): number;
  openDirAt(fd: number, name: Name): number;
  statAt(fd: number, name: Name | null, out: Float64Array): void;
  unlinkAt(fd: number, name: Name): void;
  rmdirAt(fd: number, name: Name): void;
  mkdirAt(fd: number, name: Name, mode: number): void;
  writeNewFileAt(fd: number, name: Name, content: string, mode: number): void;
  renameNoReplace(fromFd: number, name: Name, toFd: number, toName: Name): void;
  closeFd(fd: number): void;
  readDirAt(fd: number): Buffer[];
  /** See native/src/headroom_fs.c and scan/walk-dirs-native.ts. */
  scanDirBeneath(
    rootFd: number,
    rel: Uint8Array,
    rootDev: number,
    portable: boolean,
  ): [count: number, columns: ArrayBuffer, dirs: Buffer, others: Buffer, statErrno: number];
  /** malloc_trim(0) where the C library is glibc; absent from an addon built before it existed. */
  releaseFreeMemory?(): void;
}

/** What a folder scan uses of the addon (scan/walk-dirs-native.ts). */
export type ScanAddon = Pick<
  Addon,
  'openDir' | 'statAt' | 'scanDirBeneath' | 'closeFd' | 'releaseFreeMemory'
>;

const ADDON = path.join('native', 'build', 'Release', 'headroom_fs.node');

/** The addon beside the sources (repository, `out/main/…` bundle, or the packaged app), nearest first. */
function findAddon(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = path.join(dir, ADDON);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

/** Node's `msFromTimeSpec`: the same double a scan's `Stats.mtimeMs` holds. */
export const msFromTimeSpec = (sec: number, nsec: number) => sec * 1000 + nsec / 1_000_000;

/** One buffer per thread for every stat: the addon writes the fields into it. */
const fields = new Float64Array(11);

function entryStat(addon: Addon, fd: number, name: Name | null): EntryStat {
  addon.statAt(fd, name, fields);
  const [mode, dev, ino, nlink, uid, size, blocks, mSec, mNsec] = fields as unknown as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    kind: kindOfMode(mode),
    dev,
    ino,
    nlink,
    uid,
    mode,
    size,
    diskBytes: blocks * 512,
    mtimeMs: msFromTimeSpec(mSec, mNsec),
  };
}

function handle(addon: Addon, fd: number, absPath: string): DirHandle {
  try {
    const st = entryStat(addon, fd, null);
    return { fd, absPath, dev: st.dev, ino: st.ino, uid: st.uid, mode: st.mode };
  } catch (error) {
    addon.closeFd(fd);
    throw error;
  }
}

function nativeDirFs(addon: Addon): DirFs {
  return {
    raceFree: true,
    openDir: (absPath) => handle(addon, addon.openDir(b(absPath)), absPath),
    openChild: (parent, name) =>
      handle(addon, addon.openDirAt(parent.fd, b(name)), path.join(parent.absPath, name)),
    stat: (parent, name) => entryStat(addon, parent.fd, b(name)),
    unlink: (parent, name) => addon.unlinkAt(parent.fd, b(name)),
    rmdir: (parent, name) => addon.rmdirAt(parent.fd, b(name)),
    mkdir: (parent, name, mode) => addon.mkdirAt(parent.fd, b(name), mode),
    writeNewFile: (parent, name, content, mode) => addon.writeNewFileAt(parent.fd, b(name), content, mode),
    renameNoReplace: (from, name, to, toName) => addon.renameNoReplace(from.fd, b(name), to.fd, b(toName)),
    readdir: (dir) => addon.readDirAt(dir.fd).map(decodeName),
    close: (dir) => addon.closeFd(dir.fd),
  };
}

export type NativeLoad = { ok: true; dirFs: DirFs } | { ok: false; why: string };

let loaded: { ok: true; addon: Addon } | { ok: false; why: string } | null = null;

/** Loads the addon once per thread; `{ ok: false, why }` on Windows or when it was not built. */
function loadAddon(): { ok: true; addon: Addon } | { ok: false; why: string } {
  if (loaded) return loaded;
  if (process.platform === 'win32') {
    loaded = { ok: false, why: 'Windows has no openat(); Headroom uses its path-based fallback there' };
    return loaded;
  }
  const file = findAddon();
  if (file === null) {
    loaded = { ok: false, why: `the removal addon (${ADDON}) was not built; run npm ci with a C compiler` };
    return loaded;
  }
  try {
    loaded = { ok: true, addon: createRequire(import.meta.url)(file) as Addon };
  } catch (error) {
    loaded = { ok: false, why: `the removal addon could not be loaded: ${(error as Error).message}` };
  }
  return loaded;
}

let dirFs: NativeLoad | null = null;

/** The race-free `DirFs`, or why there is none. */
export function loadNativeDirFs(): NativeLoad {
  if (dirFs) return dirFs;
  const load = loadAddon();
  dirFs = load.ok ? { ok: true, dirFs: nativeDirFs(load.addon) } : load;
  return dirFs;
}

/** The addon's scan calls, or null where it is not built (the scan then walks by path). */
export function loadScanAddon(): ScanAddon | null {
  const load = loadAddon();
  // An addon built before scanDirBeneath existed (a checkout updated without npm ci) still removes safely.
  return load.ok && typeof load.addon.scanDirBeneath === 'function' ? load.addon : null;
}
