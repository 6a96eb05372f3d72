import './window-headroom.js';
import type { HeadroomBridge } from '../../../shared/bridge.js';
import type { BridgeClient } from './bridge-client-types.js';
import { createElectronTransport } from './electron-transport.js';
import { createHttpTransport, type HttpPorts } from './http-transport.js';
import { takeSessionToken, type TokenPorts } from './session-token.js';

/** Everything the client reads from the page; defaults to the real browser globals. */
export type BridgeClientPorts = TokenPorts & HttpPorts & { headroom: HeadroomBridge | undefined };

function browserPorts(): BridgeClientPorts {
  return {
    headroom: window.headroom,
    location: window.location,
    history: window.history,
    sessionStorage: window.sessionStorage,
    fetch: (url, init) => window.fetch(url, init),
    EventSource: window.EventSource,
    setTimeout: (fn, delayMs) => window.setTimeout(fn, delayMs),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}

/**
 * The one way the renderer reaches the engine: Electron's `window.headroom` when the preload exposed it,
 * else HTTP + server-sent events to `headroom serve` with the token from the link. Nothing else in the
 * renderer knows which transport runs.
 */
export function createBridgeClient(ports: BridgeClientPorts = browserPorts()): BridgeClient {
  if (ports.headroom) return createElectronTransport(ports.headroom, ports);
  return createHttpTransport(takeSessionToken(ports), ports);
}
