/**
 * The seed-002 cleanup service's endpoints, under the same token and Host/Origin rules as the rest of the
 * API: `POST /api/cleanup/manual` (rate-limited with every other cleanup request), `GET
 * /api/cleanup/metrics`, `POST /api/cleanup/schedule/start`, `POST /api/cleanup/schedule/stop` and `GET
 * /api/cleanup/schedule/status`. Stopping holds every automatic cleanup (scheduled, start-up, emergency)
 * until started again, across restarts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BridgeError, HTTP_STATUS_FOR, parseRequest } from '../../../shared/bridge.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { callEngine } from './call-engine.js';
import { manualRunView, metricsView, scheduleView } from './cleanup-api-views.js';
import { sendError } from './http-reply.js';
import { readRequestInput } from './read-request-input.js';
import type { V1Context } from './v1-routes.js';

export const CLEANUP_API_PREFIX = '/api/cleanup/';

type Route = (req: IncomingMessage, res: ServerResponse, ctx: V1Context) => Promise<void>;

function only(method: 'GET' | 'POST', route: Route): Route {
  return async (req, res, ctx) => {
    const allowed = method === 'GET' ? ['GET', 'HEAD'] : ['POST'];
    if (!allowed.includes(req.method ?? '')) {
      return sendError(res, 405, 'invalid-request', `Use ${method}.`, { Allow: allowed.join(', ') });
    }
    await route(req, res, ctx);
  };
}

async function scheduleNow(engine: Engine) {
  const snapshot = await engine.getSnapshot();
  return scheduleView(snapshot.schedule, snapshot.takenAtMs);
}

const setStopped =
  (stopped: boolean): Route =>
  async (req, res, ctx) => {
    // A body is allowed (a client may send `{}`), never needed.
    const read = await readRequestInput(req, res, { maxBodyBytes: ctx.maxBodyBytes, bodyOptional: true });
    if (!read) return;
    await callEngine(
      res,
      ctx.log,
      stopped ? 'schedule stop' : 'schedule start',
      async () => (await ctx.engine.stopSchedule({ stopped }), scheduleNow(ctx.engine)),
      (view) => view,
    );
  };

const ROUTES: Record<string, Route> = {
  manual: only('POST', async (req, res, ctx) => {
    const read = await readRequestInput(req, res, { maxBodyBytes: ctx.maxBodyBytes, bodyOptional: true });
    if (!read) return;
    let input;
    try {
      input = parseRequest('runCleanup', read.input);
    } catch (error) {
      if (!(error instanceof BridgeError)) throw error;
      return sendError(res, HTTP_STATUS_FOR[error.code], error.code, error.message);
    }
    if (!ctx.takeCleanup(res)) return;
    await callEngine(res, ctx.log, 'manual cleanup', () => ctx.engine.runCleanup(input), manualRunView);
  }),
  metrics: only('GET', async (_req, res, ctx) => {
    await callEngine(
      res,
      ctx.log,
      'metrics',
      async () => {
        const [totals, snapshot, config] = await Promise.all([
          ctx.engine.cleanupTotals(),
          ctx.engine.getSnapshot(),
          ctx.engine.getConfig(),
        ]);
        return metricsView(totals, snapshot, config);
      },
      (view) => view,
    );
  }),
  'schedule/start': only('POST', setStopped(false)),
  'schedule/stop': only('POST', setStopped(true)),
  'schedule/status': only('GET', async (_req, res, ctx) => {
    await callEngine(
      res,
      ctx.log,
      'schedule status',
      () => scheduleNow(ctx.engine),
      (view) => view,
    );
  }),
};

/** Answers a request under `/api/cleanup/`; 404 for names it does not know. */
export async function handleCleanupApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ctx: V1Context,
): Promise<void> {
  const name = pathname.slice(CLEANUP_API_PREFIX.length);
  const route = Object.prototype.hasOwnProperty.call(ROUTES, name) ? ROUTES[name] : undefined;
  if (!route) return sendError(res, 404, 'not-found', `There is no endpoint ${pathname}.`);
  await route(req, res, ctx);
}
