import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, IPC_EVENT_CHANNEL, ipcChannel, REQUEST_NAMES } from '../../../shared/bridge.js';
import {
  BRIDGE_EVENT_NAMES,
  BRIDGE_IPC_EVENT_CHANNEL,
  BRIDGE_REQUEST_NAMES,
  bridgeIpcChannel,
} from '../../../shared/bridge-names.js';
import { createBridgeApi } from '../../../electron/preload/create-bridge-api.js';
import type { PreloadIpc } from '../../../electron/preload/create-bridge-api.js';

function fakeIpcRenderer() {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, Set<(m: unknown) => void>>();
  const ipc: PreloadIpc = {
    invoke: async (channel, input) => (invoked.push([channel, input]), { ok: true, value: channel }),
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const send = (channel: string, message: unknown) => listeners.get(channel)?.forEach((l) => l(message));
  return { ipc, invoked, listeners, send };
}

describe('the zod-free bridge names the preload uses', () => {
  it('match the contract in bridge.ts', () => {
    expect([...BRIDGE_REQUEST_NAMES].sort()).toEqual([...REQUEST_NAMES].sort());
    expect([...BRIDGE_EVENT_NAMES].sort()).toEqual([...EVENT_NAMES].sort());
    expect(BRIDGE_IPC_EVENT_CHANNEL).toBe(IPC_EVENT_CHANNEL);
    for (const name of REQUEST_NAMES) expect(bridgeIpcChannel(name)).toBe(ipcChannel(name));
  });
});

describe('createBridgeApi (fake electron port)', () => {
  it('exposes exactly one function per request name plus on(), all functions', () => {
    const api = createBridgeApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual([...REQUEST_NAMES, 'on'].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('invokes the request channel with the input ({} when absent) and returns the answer', async () => {
    const { ipc, invoked } = fakeIpcRenderer();
    const api = createBridgeApi(ipc);
    expect(await api.runCleanup({ folders: ['outputs'] })).toEqual({
      ok: true,
      value: 'headroom:runCleanup',
    });
    await api.getSnapshot();
    expect(invoked).toEqual([
      ['headroom:runCleanup', { folders: ['outputs'] }],
      ['headroom:getSnapshot', {}],
    ]);
  });

  it('delivers only the subscribed event, only the payload, until unsubscribed', () => {
    const { ipc, send, listeners } = fakeIpcRenderer();
    const api = createBridgeApi(ipc);
    const got: unknown[] = [];
    const off = api.on('warning', (payload) => got.push(payload));
    send(IPC_EVENT_CHANNEL, { event: 'warning', payload: { folder: 'outputs' } });
    send(IPC_EVENT_CHANNEL, { event: 'snapshot', payload: { folders: [] } });
    send(IPC_EVENT_CHANNEL, 'garbage');
    off();
    send(IPC_EVENT_CHANNEL, { event: 'warning', payload: { folder: 'temp' } });
    expect(got).toEqual([{ folder: 'outputs' }]);
    api.on('snapshot', () => undefined);
    expect(listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(1);
  });

  it('refuses unknown events and non-function listeners', () => {
    const api = createBridgeApi(fakeIpcRenderer().ipc);
    expect(() => api.on('ipc' as never, () => undefined)).toThrow(/unknown event/);
    expect(() => api.on('warning', 'x' as never)).toThrow(/must be a function/);
  });
});
