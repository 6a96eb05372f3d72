/**
 * The dashboard's own origin, `app://headroom/`, instead of `file://` (Electron's security checklist #18):
 * the page gets a real origin of its own, the file protocol keeps no extra privileges (the
 * grantFileProtocolExtraPrivileges fuse is off), and only files under the built renderer folder are served,
 * read-only, with the dashboard's CSP. Registered on the dashboard's session only.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeOf, fileUnderRoot } from '../engine/fs/file-under-root.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'headroom';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What `protocol.registerSchemesAsPrivileged` needs, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The regular file `url` names under `rendererDir` (a real, absolute path), or null for anything else. */
export async function resolveAppAsset(rendererDir: string, url: string): Promise<string | null> {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const file = await fileUnderRoot(rendererDir, path === '/' ? '/index.html' : path);
  return file?.path ?? null;
}

/** Answers one request of the dashboard page: the file with its type and the CSP, or 404. */
export async function serveAppAsset(
  rendererDir: string,
  request: { url: string },
  csp: string,
): Promise<Response> {
  const file = await resolveAppAsset(rendererDir, request.url);
  const body = file === null ? null : await readFile(file).catch(() => null);
  if (file === null || body === null) return new Response('Not found.', { status: 404 });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
