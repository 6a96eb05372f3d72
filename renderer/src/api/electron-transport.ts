import { REQUEST_NAMES, type BridgeResult, type HeadroomBridge } from '../../../shared/bridge.js';
import type { BridgeClient } from './bridge-client-types.js';
import { createConnectionListeners } from './connection-listeners.js';

/** The timers the transport retries with: the port a test replaces. */
export interface TimerPorts {
  setTimeout: (fn: () => void, delayMs: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 2_000;

/**
 * The Electron transport: `window.headroom` from the preload. IPC cannot drop while the window lives, but
 * the engine behind it may still be scanning at start-up (requests answer `starting`) or may have failed to
 * start (`engine-failed`). The connection is 'connecting' until a request succeeds or the engine pushes an
 * event, retrying with a growing delay meanwhile; 'failed' keeps the reason for the banner.
 */
export function createElectronTransport(headroom: HeadroomBridge, timers: TimerPorts): BridgeClient {
  const connection = createConnectionListeners('connecting');
  let failure: string | null = null;
  let retryHandle: unknown = null;
  let retryDelayMs = RETRY_MIN_MS;
  let disposed = false;

  const observe = (result: BridgeResult<unknown>) => {
    if (result.ok) connected();
    else if (result.code === 'starting') scheduleProbe();
    else if (result.code === 'engine-failed') {
      failure = result.message;
      connection.set('failed');
    }
    return result;
  };
  const connected = () => {
    if (retryHandle !== null) timers.clearTimeout(retryHandle);
    retryHandle = null;
    connection.set('connected');
  };
  const scheduleProbe = () => {
    if (disposed || retryHandle !== null || connection.get() === 'failed') return;
    connection.set('connecting');
    retryHandle = timers.setTimeout(() => {
      retryHandle = null;
      void call('getSnapshot', {});
    }, retryDelayMs);
    retryDelayMs = Math.min(retryDelayMs * 2, RETRY_MAX_MS);
  };
  const call = async (name: (typeof REQUEST_NAMES)[number], input?: unknown) =>
    observe(await (headroom[name] as (i?: unknown) => Promise<BridgeResult<unknown>>)(input));

  const requests = Object.fromEntries(
    REQUEST_NAMES.map((name) => [name, (input?: unknown) => call(name, input)]),
  ) as unknown as Omit<HeadroomBridge, 'on'>;
  // The engine's first snapshot event means it is ready: no need to wait for the next probe.
  const stopWatching = headroom.on('snapshot', () => {
    if (connection.get() !== 'connected') connected();
  });
  void call('getSnapshot', {});
  return {
    ...requests,
    on: (event, listener) => headroom.on(event, listener),
    transport: 'electron',
    connectionState: connection.get,
    connectionMessage: () => failure,
    onConnectionChange: connection.subscribe,
    dispose: () => {
      disposed = true;
      stopWatching();
      if (retryHandle !== null) timers.clearTimeout(retryHandle);
    },
  };
}
