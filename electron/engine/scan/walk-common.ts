/** What both walks (by path, walk-dirs.ts; by handle, walk-dirs-native.ts) share: paths and messages. */
import { constants } from 'node:os';
import { decodeName, displayName } from '../../../shared/byte-names.js';
import type { UnreadableDir } from './scan-types.js';

const SLASH = 0x2f;

/** Room per entry for its relative path (`a12/b3/c4/out_000123456.wav` is 27); longer paths grow the batch. */
export const RELATIVE_PATH_BYTES = 32;

export const otherDevice = { code: 'EXDEV' };

const errnoNames = new Map<number, string>(Object.entries(constants.errno).map(([name, n]) => [n, name]));

/** The code of a thrown fs error, or of an errno number (`13` → `EACCES`); `EIO` when there is none. */
export function errnoCode(error: unknown): string {
  if (typeof error === 'number') return errnoNames.get(Math.abs(error)) ?? 'EIO';
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code !== 'UNKNOWN' ? code : 'EIO';
}

export function describe(rel: Uint8Array, why: { code: string }): UnreadableDir {
  const path = decodeName(rel);
  const shown = path === '' ? 'the folder itself' : `"${displayName(path)}"`;
  const reason =
    why.code === 'EXDEV'
      ? `${shown} is on another device (a mount point); Headroom does not cross into it.`
      : why.code === 'EACCES' || why.code === 'EPERM'
        ? `Headroom cannot read ${shown}: permission denied. Its files are not counted.`
        : `Headroom cannot read ${shown} (${why.code}). Its files are not counted.`;
  return { path, code: why.code, message: reason };
}

export function join(dir: Uint8Array, name: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(dir.length + 1 + name.length);
  out.set(dir, 0);
  out[dir.length] = SLASH;
  out.set(name, dir.length + 1);
  return out;
}
