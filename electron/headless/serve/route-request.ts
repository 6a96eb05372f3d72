/**
 * The order every request goes through: Host and Origin first (even for the page), then a one-time link's
 * code, then static files, then the token for anything under `/api/` (only `GET /api/v1/health` answers
 * without one, with its status alone, for uptime probes), then the route: events, `/api/v1/...` or a
 * bridge request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_EVENTS_ROUTE, REQUEST_NAMES, httpRoute } from '../../../shared/bridge.js';
import type { RequestName } from '../../../shared/bridge.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import type { EventStream } from './event-stream.js';
import { CLEANUP_API_PREFIX, handleCleanupApi } from './cleanup-api-routes.js';
import { exchangeCode } from './exchange-code.js';
import { METRICS_ROUTE, serveMetrics } from './metrics-route.js';
import { sendError } from './http-reply.js';
import { CODE_QUERY_PARAM } from './one-time-codes.js';
import type { OneTimeCodes } from './one-time-codes.js';
import type { RateLimiter } from './rate-limiter.js';
import { checkHostAndOrigin, hasNoToken, hasToken } from './request-guard.js';
import { routeBridge } from './route-bridge.js';
import { serveStatic } from './static-files.js';
import type { TokenSource } from './token-source.js';
import { handleV1, publicHealth, V1_HEALTH_ROUTE, V1_PREFIX } from './v1-routes.js';

export interface RouteContext {
  engine: Engine;
  log: (message: string) => void;
  tokens: TokenSource;
  /** Codes of one-time links (`serve --open`), each exchanged once for the token. */
  codes: OneTimeCodes;
  /** Real path of the built renderer. */
  rendererDir: string;
  /** Host header values accepted (filled in once the port is known). */
  hosts: Set<string>;
  events: EventStream;
  cleanupLimiter: RateLimiter;
  /** Request bodies over this many bytes are refused (413). */
  maxBodyBytes: number;
  version: string;
  startedAtMs: number;
}

/** Route path → request name, derived from the contract so no route string is written here. */
const BRIDGE_ROUTES = new Map<string, RequestName>(REQUEST_NAMES.map((name) => [httpRoute(name), name]));

/** Answers one request. */
export async function routeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
): Promise<void> {
  const refused = checkHostAndOrigin(req, ctx.hosts);
  if (refused) return sendError(res, refused.status, 'unauthorized', refused.message);
  const url = parseAddress(req.url);
  if (!url) {
    return sendError(
      res,
      400,
      'invalid-request',
      'The address is malformed (an invalid URL or percent-escape).',
    );
  }
  const { pathname } = url;
  const code = url.searchParams.get(CODE_QUERY_PARAM);
  if (pathname === '/' && code !== null) return exchangeCode(req, res, code, ctx);
  if (pathname === METRICS_ROUTE) {
    if (!hasToken(req, url, await ctx.tokens.current(), false)) return refuseToken(res);
    return serveMetrics(req.method, res, ctx.engine, ctx.log);
  }
  if (!pathname.startsWith('/api/')) return serveStatic(req, res, rawPath(req), ctx.rendererDir);
  const isEvents = pathname === HTTP_EVENTS_ROUTE;
  const { engine, log, version, startedAtMs, maxBodyBytes } = ctx;
  if (pathname === V1_HEALTH_ROUTE && hasNoToken(req, url)) {
    return publicHealth(req, res, { engine, log, version, startedAtMs });
  }
  if (!hasToken(req, url, await ctx.tokens.current(), isEvents)) return refuseToken(res);
  if (isEvents) {
    if (req.method !== 'GET') return sendError(res, 405, 'invalid-request', 'Use GET.', { Allow: 'GET' });
    return ctx.events.add(req, res);
  }
  const takeCleanup = (reply: ServerResponse) => takeFromLimit(ctx.cleanupLimiter, reply);
  if (pathname.startsWith(CLEANUP_API_PREFIX)) {
    return handleCleanupApi(req, res, pathname, {
      engine,
      log,
      version,
      startedAtMs,
      maxBodyBytes,
      takeCleanup,
    });
  }
  if (pathname.startsWith(V1_PREFIX)) {
    return handleV1(req, res, pathname, { engine, log, version, startedAtMs, maxBodyBytes, takeCleanup });
  }
  const name = BRIDGE_ROUTES.get(pathname);
  if (name === undefined) return sendError(res, 404, 'not-found', `There is no endpoint ${pathname}.`);
  return routeBridge(req, res, { engine, log, name, maxBodyBytes, takeCleanup });
}

function refuseToken(res: ServerResponse): void {
  sendError(res, 401, 'unauthorized', 'A valid token is required.', { 'WWW-Authenticate': 'Bearer' });
}

/** True when the limit has room; otherwise answers 429 with Retry-After and returns false. */
function takeFromLimit(limiter: RateLimiter, res: ServerResponse): boolean {
  if (limiter.tryTake()) return true;
  const retryS = Math.max(1, Math.ceil(limiter.retryAfterMs() / 1000));
  sendError(res, 429, 'rate-limited', `Too many cleanups: try again in ${retryS} s.`, {
    'Retry-After': String(retryS),
  });
  return false;
}

/**
 * The request's address, or null when it is not a URL or its path holds a percent-escape that does not
 * decode (`/%E0%A4%A`): such a request is the client's mistake (400), not a missing file or a server fault.
 */
function parseAddress(raw: string | undefined): URL | null {
  try {
    const url = new URL(raw ?? '/', 'http://headroom.invalid');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

/** The path as the client sent it: `new URL` would already have resolved `..` and `%2e%2e` segments. */
function rawPath(req: IncomingMessage): string {
  const raw = req.url ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}
