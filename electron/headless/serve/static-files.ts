/**
 * Serves the built dashboard (`out/renderer`) read-only: GET and HEAD, files only (no directory listings),
 * and only paths that stay under the renderer folder once decoded, resolved and symlinks followed. Caching
 * follows static-cache.ts: hashed assets for good, the rest revalidated by ETag.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { COMMON_HEADERS, sendError } from './http-reply.js';
import { cacheControlFor, etagFor, notModified } from './static-cache.js';

import { DASHBOARD_CSP } from '../../../shared/dashboard-csp.js';

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

/** Answers one static request; `rendererDir` must already be a real (symlink-free) absolute path. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  rendererDir: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(res, 405, 'invalid-request', 'Only GET and HEAD are allowed here.', {
      Allow: 'GET, HEAD',
    });
  }
  const named = pathname === '/' ? '/index.html' : pathname;
  const file = await resolveInside(rendererDir, named);
  if (!file) return sendError(res, 404, 'not-found', 'Not found.');
  const etag = await etagFor(file);
  const caching = { 'Cache-Control': cacheControlFor(named), ETag: etag };
  if (notModified(req, etag)) {
    res.writeHead(304, { ...COMMON_HEADERS, ...caching });
    return void res.end();
  }
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(file.sizeBytes),
    'Content-Security-Policy': DASHBOARD_CSP,
    ...caching,
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** The regular file `pathname` names under `root`, or null (outside, missing, a directory, undecodable). */
async function resolveInside(
  root: string,
  pathname: string,
): Promise<{ path: string; sizeBytes: number; mtimeMs: number; ino: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const candidate = join(root, ...decoded.split('/'));
  if (!isUnder(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isUnder(root, real)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, sizeBytes: info.size, mtimeMs: info.mtimeMs, ino: info.ino } : null;
  } catch {
    return null;
  }
}

function isUnder(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}
