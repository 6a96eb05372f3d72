/** One bridge request to a running `serve`, as the dashboard sends it; throws on a failure answer. */
import { httpRoute } from '../../../shared/bridge.js';
import type { RequestName } from '../../../shared/bridge.js';
import type { HeadroomServer } from './headroom-server.js';

export async function bridgeCall(
  server: HeadroomServer,
  name: RequestName,
  input: unknown = {},
): Promise<unknown> {
  const response = await fetch(new URL(httpRoute(name), server.baseUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; message?: string };
  if (!body.ok) throw new Error(`${name}: ${body.message ?? response.status}`);
  return body.value;
}
