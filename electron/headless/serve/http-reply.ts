/** Small response helpers shared by every route of `serve`: JSON bodies, plain errors, security headers. */
import type { ServerResponse } from 'node:http';
import type { BridgeErrorCode } from '../../../shared/bridge.js';

/** Headers every response carries: no sniffing, no framing, no referrer leaks, no caching of API data. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Sends `value` as JSON with `status`; `extra` adds or overrides headers (e.g. `Allow`, `Connection`). */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** A refusal in the bridge's own shape (`{ ok: false, code, message }`), so every client reads one format. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: BridgeErrorCode,
  message: string,
  extra: Record<string, string> = {},
): void {
  sendJson(res, status, { ok: false, code, message }, extra);
}
