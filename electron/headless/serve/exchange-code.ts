/**
 * `GET /?code=…`: a one-time link opened by `serve --open`. A valid code is used up and answered with a
 * redirect to the dashboard page carrying the token in its fragment, exactly the link `serve` prints, so the
 * page takes the token as it always does (renderer/src/api/session-token.ts). The token travels only in
 * this loopback response, never on a command line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMMON_HEADERS, sendError } from './http-reply.js';
import type { OneTimeCodes } from './one-time-codes.js';
import type { TokenSource } from './token-source.js';

export async function exchangeCode(
  req: IncomingMessage,
  res: ServerResponse,
  code: string,
  ctx: { codes: OneTimeCodes; tokens: TokenSource },
): Promise<void> {
  // Only the browser's navigation uses the code up: not a HEAD a link previewer might send first.
  if (req.method !== 'GET') return sendError(res, 405, 'invalid-request', 'Use GET.', { Allow: 'GET' });
  if (!ctx.codes.redeem(code)) {
    return sendError(
      res,
      401,
      'unauthorized',
      'This one-time link was already used or has expired: open the link that `headroom serve` printed.',
    );
  }
  res.writeHead(303, {
    ...COMMON_HEADERS,
    // The same fragment as the printed link (dashboardLink).
    Location: `/#token=${await ctx.tokens.current()}`,
    'Cache-Control': 'no-store',
    'Content-Length': '0',
  });
  res.end();
}
