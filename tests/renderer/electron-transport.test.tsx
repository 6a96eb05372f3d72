// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { connectStore } from '../../renderer/src/api/connect-store.js';
import { createBridgeClient } from '../../renderer/src/api/create-bridge-client.js';
import { createDashboardActions } from '../../renderer/src/api/dashboard-actions.js';
import { ConnectionBanner } from '../../renderer/src/components/connection-banner.js';
import { createDashboardStore, useDashboard } from '../../renderer/src/store/dashboard-store.js';
import type { BridgeResult, EventName, HeadroomBridge, RequestName } from '../../shared/bridge.js';
import { REQUEST_NAMES } from '../../shared/bridge.js';
import { configView, runRecord, snapshot } from './fixtures.js';

type Phase = 'starting' | 'ready' | { failed: string };

/**
 * `window.headroom` at the preload port, in front of a main process whose engine is still scanning: every
 * request answers as the main process's gate does in the current phase. Timers are a manual port.
 */
function fakePreload(initial: Phase) {
  let phase: Phase = initial;
  const calls: RequestName[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const value: Partial<Record<RequestName, unknown>> = {
    getSnapshot: snapshot([]),
    getHistory: { runs: [runRecord()], damagedLines: 0 },
    getConfig: configView(),
  };
  const answer = async (name: RequestName): Promise<BridgeResult<unknown>> => {
    calls.push(name);
    if (phase === 'starting') return { ok: false, code: 'starting', message: 'Headroom is starting.' };
    if (phase !== 'ready') return { ok: false, code: 'engine-failed', message: phase.failed };
    return { ok: true, value: value[name] ?? {} };
  };
  const bridge = {
    ...Object.fromEntries(REQUEST_NAMES.map((name) => [name, () => answer(name)])),
    on: (event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => set.delete(listener);
    },
  } as unknown as HeadroomBridge;
  const timers: (() => void)[] = [];
  return {
    bridge,
    calls,
    setPhase: (next: Phase) => void (phase = next),
    emit: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
    timers: {
      setTimeout: (fn: () => void) => (timers.push(fn), timers.length),
      clearTimeout: () => undefined,
    },
    /** Runs the timers due so far (the transport's retry). */
    fireTimers: () => timers.splice(0).forEach((fn) => fn()),
  };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function connect(preload: ReturnType<typeof fakePreload>) {
  const client = createBridgeClient({
    headroom: preload.bridge,
    location: window.location,
    history: window.history,
    sessionStorage: window.sessionStorage,
    fetch: () => Promise.reject(new Error('no HTTP in Electron')),
    EventSource: class {} as never,
    ...preload.timers,
  });
  const store = createDashboardStore();
  connectStore(client, store, createDashboardActions(client, store));
  return { client, store };
}

describe('Electron transport (fake preload port, engine still starting)', () => {
  it('retries while the main process answers "starting", then loads everything once the engine is ready', async () => {
    const preload = fakePreload('starting');
    const { store } = connect(preload);
    await flush();
    expect(store.getState().connection).toBe('connecting');
    preload.fireTimers();
    await flush();
    expect(store.getState().connection).toBe('connecting');
    preload.setPhase('ready');
    preload.fireTimers();
    await flush();
    expect(store.getState().connection).toBe('connected');
    expect(store.getState().snapshot).not.toBeNull();
    expect(preload.calls).toEqual(expect.arrayContaining(['getHistory', 'getConfig']));
    expect(store.getState().history?.runs).toHaveLength(1);
  });

  it('connects as soon as the engine pushes its first snapshot, without waiting for the retry', async () => {
    const preload = fakePreload('starting');
    const { store } = connect(preload);
    await flush();
    preload.setPhase('ready');
    preload.emit('snapshot', snapshot([]));
    await flush();
    expect(store.getState().connection).toBe('connected');
    expect(preload.calls).toEqual(expect.arrayContaining(['getHistory', 'getConfig']));
  });

  it('shows why when the engine could not start, and stops retrying', async () => {
    const preload = fakePreload({
      failed: 'Headroom could not start: config.yaml line 4: max_files must be a number.',
    });
    const { store } = connect(preload);
    await flush();
    expect(store.getState().connection).toBe('failed');
    const calls = preload.calls.length;
    preload.fireTimers();
    await flush();
    expect(preload.calls.length).toBe(calls);
    useDashboard.setState(store.getState());
    render(<ConnectionBanner />);
    expect(screen.getByRole('alert').textContent).toMatch(/max_files must be a number/);
  });
});
