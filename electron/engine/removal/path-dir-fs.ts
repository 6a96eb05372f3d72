/**
 * The path-based `DirFs`, for platforms without the removal addon (Windows; a machine without a C
 * compiler). A handle is only a path and the identity seen when it was opened; before every call the
 * directory is `lstat`ed again and must still be that real directory. A swap between that look and the
 * call itself escapes it, which is why `raceFree` is false and the core keeps the files of folders that
 * another user can write to (remove-job.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
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
  const st = fs.lstatSync(dir.absPath);
  if (st.isSymbolicLink()) fail('ELOOP', `${dir.absPath} is now a symbolic link`);
  if (!st.isDirectory()) fail('ENOTDIR', `${dir.absPath} is no longer a folder`);
  if (st.dev !== dir.dev || st.ino !== dir.ino) fail('ESTALE', `${dir.absPath} was replaced`);
  return dir.absPath;
}

function open(absPath: string): DirHandle {
  const st = fs.lstatSync(absPath);
  if (st.isSymbolicLink()) fail('ELOOP', `${absPath} is a symbolic link`);
  if (!st.isDirectory()) fail('ENOTDIR', `${absPath} is not a folder`);
  return { fd: -1, absPath, dev: st.dev, ino: st.ino, uid: st.uid, mode: st.mode };
}

export const pathDirFs: DirFs = {
  raceFree: false,
  openDir: open,
  openChild: (parent, name) => open(path.join(verified(parent), name)),
  stat: (parent, name) => entryStat(fs.lstatSync(path.join(verified(parent), name))),
  unlink: (parent, name) => fs.unlinkSync(path.join(verified(parent), name)),
  rmdir: (parent, name) => fs.rmdirSync(path.join(verified(parent), name)),
  mkdir: (parent, name, mode) => fs.mkdirSync(path.join(verified(parent), name), { mode }),
  writeNewFile: (parent, name, content, mode) =>
    fs.writeFileSync(path.join(verified(parent), name), content, { flag: 'wx', mode }),
  renameNoReplace(from, name, to, toName) {
    const target = path.join(verified(to), toName);
    fs.linkSync(path.join(verified(from), name), target);
    fs.unlinkSync(path.join(verified(from), name));
  },
  readdir: (dir) => fs.readdirSync(verified(dir)),
  close: () => undefined,
};
