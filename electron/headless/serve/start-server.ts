/**
 * `headroom serve`'s HTTP server (Node `http` only): the built dashboard, the bridge as `POST
 * /api/bridge/<request>` with JSON in and a BridgeResult out, server-sent events, and the
 * Chatterbox-compatible `/api/v1/...` endpoints. Every API call needs the session token; every request must
 * name this server in its Host header and, when it has an Origin, come from this server's own page.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { HTTP_MAX_BODY_BYTES } from '../../../shared/bridge.js';
import { systemClock } from '../../engine/ports.js';
import type { Clock } from '../../engine/ports.js';
import packageJson from '../../../package.json' with { type: 'json' };
import { describeError } from './describe-error.js';
import { EventStream } from './event-stream.js';
import { sendError } from './http-reply.js';
import { CODE_QUERY_PARAM, OneTimeCodes } from './one-time-codes.js';
import { RateLimiter } from './rate-limiter.js';
import { createToken } from '../../engine/fs/api-token.js';
import { allowedHosts, hostForUrl } from './request-guard.js';
import { routeRequest } from './route-request.js';
import type { RouteContext } from './route-request.js';
import { fixedToken } from './token-source.js';
import type { TokenSource } from './token-source.js';

export interface ServerOptions {
  /** Interface to listen on, e.g. `127.0.0.1` (loopback) or an explicit address. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer folder (see findRendererDir). */
  rendererDir: string;
  /** The token every API call needs (a value, or a source re-read as it changes); a fresh random one when absent. */
  token?: string | TokenSource;
  /** Request bodies over this many bytes are refused with 413. Default HTTP_MAX_BODY_BYTES (1 MB). */
  maxBodyBytes?: number;
  /** Cleanup requests allowed per minute over HTTP (bridge runCleanup and v1 cleanup together). Default 6. */
  cleanupsPerMinute?: number;
  /** Open event streams at most; the oldest is dropped past it. Default 32. */
  maxEventClients?: number;
  /** Heartbeat comment period on event streams. Default 15 s. */
  heartbeatMs?: number;
  /** Where unexpected errors go (their details never reach the client). Default stderr. */
  log?: (message: string) => void;
  /** Time for one-time codes' lifetime. Default the system clock. */
  clock?: Pick<Clock, 'now'>;
}

export interface ServeHandle {
  /** `http://HOST:PORT/`, loopback `127.0.0.1` when listening on a wildcard address. */
  url: string;
  port: number;
  /** The token as last read (the printed link). */
  readonly token: string;
  /**
   * A link for a browser opener (`serve --open`): a fresh one-time code in place of the token, which must
   * never be on a command line. The code works once, within 60 s.
   */
  oneTimeLink(): string;
  /** Event streams open right now (a disconnected client no longer counts). */
  eventClients(): number;
  /** Stops accepting, ends event streams and open connections; resolves once the server is closed. */
  close(): Promise<void>;
}

/** The dashboard link `headroom serve` prints: the page takes its token from the fragment. */
export function dashboardLink(handle: Pick<ServeHandle, 'url' | 'token'>): string {
  return `${handle.url}#token=${handle.token}`;
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** Starts listening; rejects with the listen error (e.g. EADDRINUSE). */
export async function startServer(engine: Engine, options: ServerOptions): Promise<ServeHandle> {
  const log = options.log ?? ((message: string) => void process.stderr.write(message + '\n'));
  const events = new EventStream(engine, {
    maxClients: options.maxEventClients ?? 32,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    log,
  });
  const ctx: RouteContext = {
    engine,
    log,
    tokens: typeof options.token === 'object' ? options.token : fixedToken(options.token ?? createToken()),
    codes: new OneTimeCodes(options.clock ?? systemClock),
    rendererDir: realpathSync(options.rendererDir),
    hosts: new Set(),
    events,
    cleanupLimiter: new RateLimiter(options.cleanupsPerMinute ?? 6, 60_000),
    maxBodyBytes: options.maxBodyBytes ?? HTTP_MAX_BODY_BYTES,
    version: packageJson.version,
    startedAtMs: Date.now(),
  };
  const server = createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (req, res) => {
    routeRequest(req, res, ctx).catch((error: unknown) => {
      log(`headroom serve: ${req.method} ${JSON.stringify(req.url)}: ${describeError(error)}`);
      sendError(res, 500, 'internal', 'Headroom hit an unexpected error; the details are in its log.');
    });
  });
  limitTimeouts(server);
  const port = await listen(server, options.host, options.port).catch((error: unknown) => {
    events.close();
    throw error;
  });
  for (const host of allowedHosts(options.host, port)) ctx.hosts.add(host);
  const urlHost = WILDCARD.has(options.host) ? '127.0.0.1' : hostForUrl(options.host);
  const url = `http://${urlHost}:${port}/`;
  return {
    url,
    port,
    get token() {
      return ctx.tokens.last;
    },
    oneTimeLink: () => `${url}?${CODE_QUERY_PARAM}=${ctx.codes.issue()}`,
    eventClients: () => events.size,
    close: () => closeServer(server, events),
  };
}

/** Open connections at most (the dashboard uses a handful; SSE clients are capped separately). */
export const MAX_CONNECTIONS = 128;

/**
 * How often Node enforces `headersTimeout` and `requestTimeout`. Its default (30 s) let a client that
 * trickles one header line a second hold a connection for 30 s instead of the 10 s set below.
 */
const TIMEOUT_CHECK_MS = 1_000;

/** Slow or stalled clients cannot hold a connection open while sending their request. */
function limitTimeouts(server: Server): void {
  server.headersTimeout = 10_000;
  // A local program must not be able to hold every file descriptor the engine needs for its scans.
  server.maxConnections = MAX_CONNECTIONS;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server, events: EventStream): Promise<void> {
  return new Promise((resolve) => {
    events.close();
    server.close(() => resolve());
    server.closeIdleConnections();
    // Requests still running (a cleanup) finish on their own; the engine's dispose waits for them.
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}
