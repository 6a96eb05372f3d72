/**
 * Serves the built dashboard (`out/renderer`) read-only: GET and HEAD, files only (no directory listings),
 * and only paths that stay under the renderer folder once decoded, resolved and symlinks followed. Caching
 * follows static-cache.ts: hashed assets for good, the rest revalidated by ETag.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf, fileUnderRoot, type FileUnderRoot } from '../../engine/fs/file-under-root.js';
import { COMMON_HEADERS, sendError } from './http-reply.js';
import { cacheControlFor, etagFor, notModified } from './static-cache.js';

import { DASHBOARD_CSP } from '../../../shared/dashboard-csp.js';

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
    'Content-Type': contentTypeOf(file.path),
    'Content-Length': String(file.sizeBytes),
    'Content-Security-Policy': DASHBOARD_CSP,
    ...caching,
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** The regular file `pathname` (still percent-encoded) names under `root`, or null. */
async function resolveInside(root: string, pathname: string): Promise<FileUnderRoot | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return fileUnderRoot(root, decoded);
}
