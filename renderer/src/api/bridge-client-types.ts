import type { HeadroomBridge } from '../../../shared/bridge.js';
import type { ConnectionState } from '../store/connection-slice.js';

export type { ConnectionState };

/** The bridge as the renderer holds it: the contract's API plus the state of the connection under it. */
export type BridgeClient = HeadroomBridge & {
  readonly transport: 'electron' | 'http';
  connectionState: () => ConnectionState;
  /** Why the connection 'failed' (the engine could not start), as a sentence; null otherwise. */
  connectionMessage?: () => string | null;
  /** Called on every change of connection state; returns a disposer. */
  onConnectionChange: (listener: (state: ConnectionState) => void) => () => void;
  /** Closes the event stream and stops reconnecting. */
  dispose: () => void;
};
