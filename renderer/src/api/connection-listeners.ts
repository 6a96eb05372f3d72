import type { ConnectionState } from './bridge-client-types.js';

/** Holds a connection state and tells listeners when it changes. */
export function createConnectionListeners(initial: ConnectionState) {
  let state = initial;
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    get: () => state,
    set(next: ConnectionState) {
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener(next);
    },
    subscribe(listener: (state: ConnectionState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Event listeners keyed by event name; payloads are typed by the caller (the bridge's `on`). */
export function createEventListeners() {
  const byEvent = new Map<string, Set<(payload: unknown) => void>>();
  return {
    add(event: string, listener: (payload: unknown) => void): () => void {
      const set = byEvent.get(event) ?? new Set();
      set.add(listener);
      byEvent.set(event, set);
      return () => set.delete(listener);
    },
    emit(event: string, payload: unknown) {
      for (const listener of [...(byEvent.get(event) ?? [])]) listener(payload);
    },
  };
}
