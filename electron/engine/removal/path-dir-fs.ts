/**
 * The path-based `DirFs`, for platforms without the removal addon (Windows; a machine without a C
 * compiler). A handle is only a path and the identity seen when it was opened; before every call the
 * directory is `lstat`ed again and must still be that real directory. A swap between that look and the
 * call itself escapes it, which is why `raceFree` is false and the core keeps the files of folders that
 * another user can write to (remove-job.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeName } from '../../../shared/byte-names.js';
import { fsPath } from '../fs/fs-path.js';
import { kindOfMode, type DirFs, type DirHandle, type EntryStat } from './dir-fs.js';

function entryStat(st: fs.Stats): EntryStat {
  return {
    kind: kindOfMode(st.mode),
    dev: st.dev,
    ino: st.ino,
    nlink: st.nlink,
    uid: st.uid,
    mode: st.mode,
    size: st.size,
    diskBytes: Number.isFinite(st.blocks) && st.blocks > 0 ? st.blocks * 512 : st.size,
    mtimeMs: st.mtimeMs,
  };
}

function fail(code: string, what: string): never {
  throw Object.assign(new Error(`${code}: ${what}`), { code });
}

/** The directory behind `dir` must still be the one it was opened as, or the call is refused. */
function verified(dir: DirHandle): string {
  const st = fs.lstatSync(fsPath(dir.absPath));
  if (st.isSymbolicLink()) fail('ELOOP', `${dir.absPath} is now a symbolic link`);
  if (!st.isDirectory()) fail('ENOTDIR', `${dir.absPath} is no longer a folder`);
  if (st.dev !== dir.dev || st.ino !== dir.ino) fail('ESTALE', `${dir.absPath} was replaced`);
  return dir.absPath;
}

/** `name` in the verified `dir`, as a string, or as bytes for a name that is not UTF-8 (fs-path.ts). */
const at = (dir: DirHandle, name: string) => fsPath(path.join(verified(dir), name));

function open(absPath: string): DirHandle {
  const st = fs.lstatSync(fsPath(absPath));
  if (st.isSymbolicLink()) fail('ELOOP', `${absPath} is a symbolic link`);
  if (!st.isDirectory()) fail('ENOTDIR', `${absPath} is not a folder`);
  return { fd: -1, absPath, dev: st.dev, ino: st.ino, uid: st.uid, mode: st.mode };
}

export const pathDirFs: DirFs = {
  raceFree: false,
  openDir: open,
  openChild: (parent, name) => open(path.join(verified(parent), name)),
  stat: (parent, name) => entryStat(fs.lstatSync(at(parent, name))),
  unlink: (parent, name) => fs.unlinkSync(at(parent, name)),
  rmdir: (parent, name) => fs.rmdirSync(at(parent, name)),
  mkdir: (parent, name, mode) => fs.mkdirSync(at(parent, name), { mode }),
  writeNewFile: (parent, name, content, mode) =>
    fs.writeFileSync(at(parent, name), content, { flag: 'wx', mode }),
  renameNoReplace(from, name, to, toName) {
    const target = at(to, toName);
    fs.linkSync(at(from, name), target);
    fs.unlinkSync(at(from, name));
  },
  readdir: (dir) => fs.readdirSync(fsPath(verified(dir)), { encoding: 'buffer' }).map(decodeName),
  close: () => undefined,
};
