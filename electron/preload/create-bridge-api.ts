/**
 * Builds `window.headroom` from two IPC primitives: one function per request name and `on(event, listener)`
 * returning an unsubscribe. Only functions go out; `ipcRenderer` and its event objects never do.
 */
import type { EventName, EventPayloads, HeadroomBridge, RequestName } from '../../shared/bridge.js';
import {
  BRIDGE_EVENT_NAMES,
  BRIDGE_IPC_EVENT_CHANNEL,
  BRIDGE_REQUEST_NAMES,
  bridgeIpcChannel,
} from '../../shared/bridge-names.js';

/** What the preload needs from `ipcRenderer`. */
export interface PreloadIpc {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Listens on a channel; the listener gets the message only (never the IpcRendererEvent). */
  on(channel: string, listener: (message: unknown) => void): () => void;
}

type Listener = (payload: unknown) => void;

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (BRIDGE_EVENT_NAMES as readonly string[]).includes(name);
}

export function createBridgeApi(ipc: PreloadIpc): HeadroomBridge {
  const listeners = new Map<EventName, Set<Listener>>();
  let stopListening: (() => void) | null = null;

  const dispatch = (message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (!isEventName(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };

  const on = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): (() => void) => {
    if (!isEventName(event)) throw new TypeError(`headroom.on: unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new TypeError('headroom.on: listener must be a function');
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const entry = listener as Listener;
    set.add(entry);
    // One IPC listener for all subscriptions, attached on first use.
    stopListening ??= ipc.on(BRIDGE_IPC_EVENT_CHANNEL, dispatch);
    return () => {
      set.delete(entry);
    };
  };

  const requests = Object.fromEntries(
    BRIDGE_REQUEST_NAMES.map((name: RequestName) => [
      name,
      (input?: unknown) => ipc.invoke(bridgeIpcChannel(name), input ?? {}),
    ]),
  );
  return { ...requests, on } as HeadroomBridge;
}
