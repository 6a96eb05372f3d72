/**
 * Reads a manifest folder's token file, and says when it changed since: the file belongs to another
 * program, which may write it at any moment, so a rewrite first checks it still holds what was read.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';

/** A token file larger than this is refused rather than read into memory (the seed's hold kilobytes). */
export const MAX_TOKEN_FILE_BYTES = 64 * 1024 * 1024;

/** What identifies one version of the file: a rewrite (rename) changes the inode, an edit the rest. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export type TokenFileRead = { ok: true; text: string; stamp: FileStamp } | { ok: false; message: string };

/**
 * The token file's text and stamp, or why it cannot be used, in a sentence. A missing file is refused too:
 * without the list every file would look like an orphan. So is a symbolic link (opened with O_NOFOLLOW):
 * whoever can write the folder could point it at any JSON file, to steer removals and the rewrite.
 */
export async function readTokenFile(file: string): Promise<TokenFileRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return { ok: false, message: `the token file ${file} does not exist` };
    if (code === 'ELOOP') {
      return {
        ok: false,
        message: `the token file ${file} is a symbolic link; Headroom uses only a real file`,
      };
    }
    return { ok: false, message: `the token file ${file} cannot be read (${code})` };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, message: `the token file ${file} is not a regular file` };
    if (stat.size > MAX_TOKEN_FILE_BYTES) {
      return {
        ok: false,
        message: `the token file ${file} is larger than 64 MB, too large to be a token list`,
      };
    }
    const bytes = await handle.readFile();
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, stamp: stampOf(stat) };
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, message: `the token file ${file} is not UTF-8 text` };
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, message: `the token file ${file} cannot be read (${code})` };
  } finally {
    await handle.close();
  }
}

/** The file's stamp now (of a link itself, never its target), or null when it is gone. */
export async function statTokenFile(file: string): Promise<FileStamp | null> {
  const stat = await fs.lstat(file).catch(() => null);
  return stat ? stampOf(stat) : null;
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}

function stampOf(stat: {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}): FileStamp {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs };
}
