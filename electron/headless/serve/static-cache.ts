/**
 * How the dashboard's files may be cached. The bundler puts a content hash in every asset's name
 * (`assets/index-Rz_1aeHA.js`), so such a file never changes under its name and is cached for a year,
 * immutable; everything else (index.html above all, which names the current assets) is revalidated on
 * each load with an ETag, answered 304 while unchanged.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** `/assets/<name>-<hash of 8 or more base64url characters>.<ext>`, as electron-vite names its output. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;

export function cacheControlFor(pathname: string): string {
  return HASHED_ASSET.test(pathname) ? IMMUTABLE : REVALIDATE;
}

/** Content hashes by file identity, so a file is hashed once per change, not once per request. */
const etags = new Map<string, string>();
const MAX_REMEMBERED = 256;

/**
 * A strong ETag from the file's content: size and mtime alone would repeat after a rebuild that writes
 * the same length within the same millisecond, or a copy that keeps the old mtime.
 */
export async function etagFor(file: {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  ino: number;
}): Promise<string> {
  const key = `${file.path}\0${file.ino}\0${file.sizeBytes}\0${file.mtimeMs}`;
  const known = etags.get(key);
  if (known) return known;
  const digest = createHash('sha256')
    .update(await readFile(file.path))
    .digest('base64url')
    .slice(0, 27);
  const etag = `"${digest}"`;
  if (etags.size >= MAX_REMEMBERED) etags.clear();
  etags.set(key, etag);
  return etag;
}

/** True when the request's If-None-Match names `etag` (weak comparison, as RFC 9110 asks for GET) or is `*`. */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
