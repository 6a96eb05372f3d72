import {
  EVENT_NAMES,
  HTTP_EVENTS_ROUTE,
  HTTP_TOKEN_QUERY_PARAM,
  REQUEST_NAMES,
  httpRoute,
  type BridgeResult,
  type HeadroomBridge,
  type RequestName,
} from '../../../shared/bridge.js';
import type { BridgeClient } from './bridge-client-types.js';
import { createConnectionListeners, createEventListeners } from './connection-listeners.js';

/** The part of EventSource the transport uses. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** The browser APIs the HTTP transport needs: the port a test replaces. */
export interface HttpPorts {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  EventSource: new (url: string) => EventSourceLike;
  setTimeout: (fn: () => void, delayMs: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const EVENT_SOURCE_CLOSED = 2;
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;
const UNAUTHORIZED_MESSAGE =
  "This dashboard link's token is wrong or missing: open the link that `headroom serve` printed.";

/**
 * The HTTP transport of `headroom serve` (shared/bridge.ts): POST per request with a bearer token, server-sent
 * events for pushes. EventSource retries a dropped stream by itself; when it gives up (the server answered
 * with an error status) the transport asks once whether the token is refused, else opens a new stream
 * after a growing delay.
 */
export function createHttpTransport(token: string | null, ports: HttpPorts): BridgeClient {
  const connection = createConnectionListeners(token ? 'connecting' : 'unauthorized');
  const events = createEventListeners();
  let source: EventSourceLike | null = null;
  let retryHandle: unknown = null;
  let retryDelayMs = RETRY_MIN_MS;
  let disposed = false;

  async function post(name: RequestName, input: unknown): Promise<BridgeResult<unknown>> {
    if (!token) return { ok: false, code: 'invalid-request', message: UNAUTHORIZED_MESSAGE };
    let response: Response;
    try {
      response = await ports.fetch(httpRoute(name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return { ok: false, code: 'internal', message: `Cannot reach Headroom (${describe(error)}).` };
    }
    if (response.status === 401 || response.status === 403) {
      connection.set('unauthorized');
      return { ok: false, code: 'invalid-request', message: UNAUTHORIZED_MESSAGE };
    }
    return readResult(response);
  }

  function open() {
    if (disposed || !token) return;
    const url = `${HTTP_EVENTS_ROUTE}?${HTTP_TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`;
    const es = new ports.EventSource(url);
    source = es;
    es.addEventListener('open', () => {
      retryDelayMs = RETRY_MIN_MS;
      connection.set('connected');
    });
    es.addEventListener('error', () => void onStreamError(es));
    for (const name of EVENT_NAMES) {
      es.addEventListener(name, (event) => {
        const payload = parseJson(event.data);
        if (payload !== undefined) events.emit(name, payload);
      });
    }
  }

  async function onStreamError(es: EventSourceLike) {
    if (disposed || es !== source || connection.get() === 'unauthorized') return;
    if (es.readyState !== EVENT_SOURCE_CLOSED) {
      connection.set('disconnected'); // the browser is retrying on its own
      return;
    }
    es.close();
    source = null;
    const probe = await post('getSnapshot', {});
    if (disposed || connection.get() === 'unauthorized') return;
    connection.set('disconnected');
    if (probe.ok) events.emit('snapshot', probe.value);
    retryHandle = ports.setTimeout(open, retryDelayMs);
    retryDelayMs = Math.min(retryDelayMs * 2, RETRY_MAX_MS);
  }

  const requests = Object.fromEntries(
    REQUEST_NAMES.map((name) => [name, (input?: unknown) => post(name, input)]),
  ) as unknown as Omit<HeadroomBridge, 'on'>;

  open();
  return {
    ...requests,
    on: (event, listener) => events.add(event, listener as (payload: unknown) => void),
    transport: 'http',
    connectionState: connection.get,
    onConnectionChange: connection.subscribe,
    dispose() {
      disposed = true;
      source?.close();
      if (retryHandle !== null) ports.clearTimeout(retryHandle);
    },
  };
}

async function readResult(response: Response): Promise<BridgeResult<unknown>> {
  const body = parseJson(await response.text().catch(() => ''));
  if (isBridgeResult(body)) return body;
  return {
    ok: false,
    code: 'internal',
    message: `Headroom answered HTTP ${response.status} without a readable result.`,
  };
}

function isBridgeResult(value: unknown): value is BridgeResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'code' in value && 'message' in value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
