/**
 * `GET /metrics`: the Prometheus exposition, for a Prometheus server holding the token as its bearer
 * credential (`authorization: { credentials_file: … }` in its scrape config). Never cached.
 */
import type { ServerResponse } from 'node:http';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { describeError } from './describe-error.js';
import { COMMON_HEADERS, sendError } from './http-reply.js';
import { prometheusFamilies } from './prometheus-metrics.js';
import { formatExposition, PROMETHEUS_CONTENT_TYPE } from './prometheus-text.js';

export const METRICS_ROUTE = '/metrics';

export async function serveMetrics(
  method: string | undefined,
  res: ServerResponse,
  engine: Engine,
  log: (message: string) => void,
): Promise<void> {
  if (method !== 'GET' && method !== 'HEAD') {
    return sendError(res, 405, 'invalid-request', 'Use GET.', { Allow: 'GET, HEAD' });
  }
  let body: string;
  try {
    const [snapshot, totals] = await Promise.all([engine.getSnapshot(), engine.cleanupTotals()]);
    body = formatExposition(prometheusFamilies(snapshot, totals));
  } catch (error) {
    log(`headroom serve: metrics failed: ${describeError(error)}`);
    return sendError(res, 500, 'internal', 'Headroom hit an unexpected error; the details are in its log.');
  }
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': PROMETHEUS_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : body);
}
