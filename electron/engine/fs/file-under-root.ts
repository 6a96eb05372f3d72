/**
 * The built dashboard's files, for both hosts that serve them (Electron's `app://` protocol and `serve`):
 * one confinement check, so a path that leaves the folder by `..`, a backslash, a NUL or a symlink is
 * refused the same way in both, and one table of content types.
 */
import { stat, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { decodeName } from '../../../shared/byte-names.js';
import { fsPath } from './fs-path.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type a dashboard file is served with. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface FileUnderRoot {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  ino: number;
}

/**
 * The regular file `decodedPath` (a URL path, already percent-decoded, `/` separators) names under `root`
 * (a real, absolute path), symlinks followed and checked again; null for anything else. A name that is not
 * valid UTF-8 (its stray bytes escaped, shared/byte-names.ts) is looked up by its exact bytes, and the
 * real path comes back escaped the same way: a lossy decoding would name another file, or none.
 */
export async function fileUnderRoot(root: string, decodedPath: string): Promise<FileUnderRoot | null> {
  if (decodedPath.includes('\0') || decodedPath.includes('\\')) return null;
  const candidate = join(root, ...decodedPath.split('/'));
  if (!isUnder(root, candidate)) return null;
  try {
    const realBytes = await realpath(fsPath(candidate), { encoding: 'buffer' });
    const real = decodeName(realBytes);
    if (!isUnder(root, real)) return null;
    const info = await stat(realBytes);
    return info.isFile() ? { path: real, sizeBytes: info.size, mtimeMs: info.mtimeMs, ino: info.ino } : null;
  } catch {
    return null;
  }
}

function isUnder(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}
