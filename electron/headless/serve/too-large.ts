/**
 * The 413 answer in the seed service's shape (`error`, `message`, `max_size_bytes`), which its clients
 * read, with the bridge's `ok`/`code` beside it so the dashboard reads it like every other refusal.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from './http-reply.js';

const MB = 1024 * 1024;

/** `1.0 MB`, `0.5 MB`; below a tenth of a megabyte in KB (`2.0 KB`), so no limit reads as `0.0 MB`. */
export function formatLimit(bytes: number): string {
  return bytes >= MB / 10 ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function sendTooLarge(res: ServerResponse, maxBytes: number): void {
  sendJson(
    res,
    413,
    {
      ok: false,
      code: 'invalid-request',
      error: 'request_too_large',
      message: `Request body too large. Maximum size is ${formatLimit(maxBytes)}`,
      max_size_bytes: maxBytes,
    },
    // The rest of the body is not read: the connection closes instead.
    { Connection: 'close' },
  );
}
