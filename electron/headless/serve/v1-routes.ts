/**
 * The Chatterbox-compatible endpoints, so scripts written against Chatterbox's resource management keep
 * working against Headroom: health, resources, cleanup now, cleanup status. Same token rules as the bridge.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { callEngine } from './call-engine.js';
import { sendError } from './http-reply.js';
import { readRequestInput } from './read-request-input.js';
import { cleanupStatusView, cleanupSummaryView, healthView, resourcesView } from './v1-views.js';

export const V1_PREFIX = '/api/v1/';
export const V1_HEALTH_ROUTE = `${V1_PREFIX}health`;

export interface V1Context {
  engine: Engine;
  log: (message: string) => void;
  version: string;
  startedAtMs: number;
  /** Bodies over this many bytes are refused (413). */
  maxBodyBytes: number;
  /** Takes one cleanup from the rate limit; false when over it (the caller has not answered yet). */
  takeCleanup: (res: ServerResponse) => boolean;
}

type Route = (req: IncomingMessage, res: ServerResponse, ctx: V1Context) => Promise<void>;

const getOnly =
  (run: (ctx: V1Context) => Promise<unknown>, label: string): Route =>
  async (req, res, ctx) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'invalid-request', 'Use GET.', { Allow: 'GET, HEAD' });
    }
    await callEngine(
      res,
      ctx.log,
      label,
      () => run(ctx),
      (value) => value,
    );
  };

const ROUTES: Record<string, Route> = {
  health: getOnly(
    async ({ engine, version, startedAtMs }) =>
      healthView(await engine.getSnapshot(), version, Date.now() - startedAtMs),
    'health',
  ),
  resources: getOnly(async ({ engine }) => resourcesView(await engine.getSnapshot()), 'resources'),
  'cleanup/status': getOnly(async ({ engine }) => {
    const [snapshot, config, history, totals] = await Promise.all([
      engine.getSnapshot(),
      engine.getConfig(),
      engine.getHistory({ limit: 10 }),
      engine.cleanupTotals(),
    ]);
    return cleanupStatusView(snapshot, config.settings.cleanup_on_startup, history.runs, totals.runs);
  }, 'cleanup status'),
  cleanup: async (req, res, ctx) => {
    const read = await readRequestInput(req, res, { maxBodyBytes: ctx.maxBodyBytes, bodyOptional: true });
    if (!read || !ctx.takeCleanup(res)) return;
    const input = read.input === undefined ? {} : read.input;
    await callEngine(
      res,
      ctx.log,
      'cleanup',
      () => ctx.engine.runCleanup(input as Parameters<Engine['runCleanup']>[0]),
      cleanupSummaryView,
    );
  },
};

/**
 * `GET /api/v1/health` without a token: only `{ status }` (ok | warning | critical), so an uptime probe
 * needs no secret and learns nothing about the folders.
 */
export const publicHealth = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: Omit<V1Context, 'takeCleanup' | 'maxBodyBytes'>,
) =>
  getOnly(
    async ({ engine, version, startedAtMs }) => ({
      status: healthView(await engine.getSnapshot(), version, Date.now() - startedAtMs).status,
    }),
    'health',
  )(req, res, { ...ctx, maxBodyBytes: 0, takeCleanup: () => false });

/** Answers a request under `/api/v1/`; 404 for names it does not know. */
export async function handleV1(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ctx: V1Context,
): Promise<void> {
  const name = pathname.slice(V1_PREFIX.length);
  const route = Object.prototype.hasOwnProperty.call(ROUTES, name) ? ROUTES[name] : undefined;
  if (!route) return sendError(res, 404, 'not-found', `There is no endpoint ${pathname}.`);
  await route(req, res, ctx);
}
