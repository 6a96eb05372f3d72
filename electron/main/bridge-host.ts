/**
 * The pure half of the IPC bridge: who may call, input validation, the call itself and the shape of the
 * answer. `ipc.ts` wires it to `ipcMain`; tests call it directly.
 */
import { BridgeError, EVENT_NAMES, parseRequest } from '../../shared/bridge.js';
import type {
  BridgeFailure,
  BridgeResult,
  EventName,
  EventPayloads,
  HeadroomApi,
  RequestName,
} from '../../shared/bridge.js';
import type { Engine } from '../engine/runtime/engine-types.js';
import type { Disposer } from '../engine/ports.js';

/** Where the app's own renderer lives: the built page, or the dev server while developing. */
export interface RendererOrigin {
  /** The built page: `app://headroom/index.html` (app-protocol.ts); a `file://` URL is compared the same way. */
  indexFileUrl: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), only in development. */
  devServerUrl: string | null;
}

/** True only for a frame showing the app's renderer page; any other page or a missing frame is refused. */
export function isAppRendererUrl(url: string | null | undefined, origin: RendererOrigin): boolean {
  if (!url) return false;
  let sender: URL;
  try {
    sender = new URL(url);
  } catch {
    return false;
  }
  const index = new URL(origin.indexFileUrl);
  const web = (protocol: string) => protocol === 'http:' || protocol === 'https:';
  if (!web(sender.protocol) && sender.protocol === index.protocol)
    return sender.host === index.host && sender.pathname === index.pathname;
  if (origin.devServerUrl === null || (sender.protocol !== 'http:' && sender.protocol !== 'https:'))
    return false;
  return sender.origin === new URL(origin.devServerUrl).origin;
}

/** Any thrown value as the bridge's failure: the code of a BridgeError, otherwise 'internal'; message only. */
export function toBridgeFailure(error: unknown): BridgeFailure {
  if (error instanceof BridgeError) return error.toFailure();
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'internal', message: message || 'Something went wrong in Headroom.' };
}

/** Checks the sender, parses the input with the shared schema, calls the engine and shapes the answer. */
export async function handleBridgeRequest(
  api: HeadroomApi,
  name: RequestName,
  senderUrl: string | null | undefined,
  payload: unknown,
  origin: RendererOrigin,
): Promise<BridgeResult<unknown>> {
  if (!isAppRendererUrl(senderUrl, origin)) {
    return {
      ok: false,
      code: 'unauthorized',
      message: `${name}: refused, the request did not come from Headroom's window.`,
    };
  }
  try {
    const input = parseRequest(name, payload);
    const call = api[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await call.call(api, input) };
  } catch (error) {
    return toBridgeFailure(error);
  }
}

/** One event as it crosses to the renderer on IPC_EVENT_CHANNEL. */
export interface BridgeEventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayloads[E];
}

/** Subscribes to every engine event and hands each to `send`; the disposer unsubscribes them all. */
export function forwardEngineEvents(
  engine: Pick<Engine, 'on'>,
  send: (message: BridgeEventMessage) => void,
): Disposer {
  const disposers = EVENT_NAMES.map((event) =>
    engine.on(event, (payload: EventPayloads[typeof event]) =>
      send({ event, payload } as BridgeEventMessage),
    ),
  );
  return () => {
    for (const dispose of disposers) dispose();
  };
}
