/**
 * Moves one checked file into the trash: the `.trashinfo` record is created first with O_EXCL (which
 * reserves the name, as the freedesktop.org specification asks), then the file is renamed from its open
 * folder into `files/` without replacing anything. Across file systems the rename fails (EXDEV) and the
 * file is kept: a trash never copies and deletes.
 */
import path from 'node:path';
import { crypto } from '../fs/lazy-crypto.js';
import { encodeName } from '../../../shared/byte-names.js';
import type { DirFs, DirHandle } from './dir-fs.js';
import { errorCode } from '../fs/errno.js';
import { skip, type Refusal } from './pinned-dirs.js';
import type { TrashTarget } from './trash-target.js';

const NAME_MAX = 255;
export const KEPT = 'the file was kept, not copied';
/** The detail of a rename that crossed file systems: the caller tries its next trash folder. */
export const CROSS_DEVICE = `the trash is on another file system; ${KEPT}`;
const INFO_SUFFIX = '.trashinfo';

/**
 * `name`, then `name.<random>.ext` on a clash: a trash that already holds many files of the same name
 * (every folder's `f0001.wav`) would otherwise be probed one suffix after another. A name too long for
 * its `.trashinfo` is shortened.
 */
function candidateName(name: string, attempt: number, stamp: number): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const plain = attempt === 0 ? name : `${stem}.${crypto().randomBytes(4).toString('hex')}${ext}`;
  if (encodeName(plain + INFO_SUFFIX).length <= NAME_MAX) return plain;
  return `trashed-${stamp}-${crypto().randomBytes(4).toString('hex')}`;
}

/** What `encodeURIComponent` leaves as it is, and `/`. */
const KEEP = /[A-Za-z0-9\-_.!~*'()/]/;

/**
 * Percent-encodes a path for `Path=`, keeping `/` (RFC 2396, as the specification asks). Byte by byte, so
 * a name that is not UTF-8 is recorded as its real bytes (encodeURIComponent throws on its escapes).
 */
function encodePath(p: string): string {
  let out = '';
  for (const byte of encodeName(p)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && KEEP.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Local time without a zone, as the specification's `DeletionDate` wants: `2026-11-29T21:04:05`. */
function localDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}` +
    `T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  );
}

/** Null once `name` is in the trash; a refusal when it was kept. Other errors are thrown. */
export function trashFile(
  dirFs: DirFs,
  target: TrashTarget,
  dir: DirHandle,
  name: string,
  nowMs: number,
): Refusal | null {
  const original = path.join(dir.absPath, name);
  const shown = target.relativeTo ? path.relative(target.relativeTo, original) : original;
  const info = `[Trash Info]\nPath=${encodePath(shown)}\nDeletionDate=${localDate(nowMs)}\n`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = candidateName(name, attempt, nowMs);
    if (target.info) {
      try {
        dirFs.writeNewFile(target.info, candidate + INFO_SUFFIX, info, 0o600);
      } catch (error) {
        if (errorCode(error) === 'EEXIST') continue;
        throw error;
      }
    }
    try {
      dirFs.renameNoReplace(dir, name, target.files, candidate);
      return null;
    } catch (error) {
      if (target.info) dropInfo(dirFs, target.info, candidate + INFO_SUFFIX);
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      if (code === 'EXDEV') {
        return skip(
          'trash-unavailable',
          'the trash is on another file system; the file was kept, not copied',
        );
      }
      throw error;
    }
  }
  return skip('trash-unavailable', 'no free name in the trash after 100 tries; the file was kept');
}

function dropInfo(dirFs: DirFs, info: DirHandle, name: string): void {
  try {
    dirFs.unlink(info, name);
  } catch {
    // Left behind, it only names a file that is not in the trash.
  }
}
