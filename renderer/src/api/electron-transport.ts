import { REQUEST_NAMES, type HeadroomBridge } from '../../../shared/bridge.js';
import type { BridgeClient } from './bridge-client-types.js';

/**
 * The Electron transport: `window.headroom` from the preload. IPC cannot drop while the window lives,
 * so the connection is always 'connected'.
 */
export function createElectronTransport(headroom: HeadroomBridge): BridgeClient {
  const requests = Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      (input?: unknown) => (headroom[name] as (i?: unknown) => unknown)(input),
    ]),
  ) as Omit<HeadroomBridge, 'on'>;
  return {
    ...requests,
    on: (event, listener) => headroom.on(event, listener),
    transport: 'electron',
    connectionState: () => 'connected',
    onConnectionChange: () => () => {},
    dispose: () => {},
  };
}
