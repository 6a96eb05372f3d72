// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectStore } from '../../renderer/src/api/connect-store.js';
import { createBridgeClient, type BridgeClientPorts } from '../../renderer/src/api/create-bridge-client.js';
import { createDashboardActions } from '../../renderer/src/api/dashboard-actions.js';
import type { EventSourceLike } from '../../renderer/src/api/http-transport.js';
import { TOKEN_STORAGE_KEY } from '../../renderer/src/api/session-token.js';
import { createDashboardStore } from '../../renderer/src/store/dashboard-store.js';
import { HTTP_EVENTS_ROUTE, httpRoute } from '../../shared/bridge.js';
import { createFakeBridge } from './fake-bridge.js';
import { configView, runRecord, snapshot } from './fixtures.js';

/** A scripted EventSource: the test opens, drops and feeds it as a server would. */
class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  fire(type: string, data = '') {
    if (type === 'open') this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
  /** A dropped stream: the browser retries (CONNECTING) unless the server answered with an error status (CLOSED). */
  drop(readyState: 0 | 2) {
    this.readyState = readyState;
    this.fire('error');
  }
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function answers(status = 200) {
  return vi.fn(async (url: string, _init: RequestInit) => {
    if (status !== 200)
      return new Response(JSON.stringify({ ok: false, code: 'invalid-request', message: 'no' }), { status });
    const name = url.split('/').pop();
    const value =
      name === 'getSnapshot'
        ? snapshot()
        : name === 'getHistory'
          ? { runs: [runRecord()], damagedLines: 0 }
          : name === 'getConfig'
            ? configView()
            : {};
    return new Response(JSON.stringify({ ok: true, value }), { status: 200 });
  });
}

function ports(fetch: ReturnType<typeof answers>): BridgeClientPorts {
  return {
    headroom: undefined,
    location: window.location,
    history: window.history,
    sessionStorage: window.sessionStorage,
    fetch,
    EventSource: FakeEventSource,
    setTimeout: (fn, delayMs) => setTimeout(fn, delayMs),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

beforeEach(() => {
  FakeEventSource.instances = [];
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(() => vi.useRealTimers());

describe('HTTP bridge client (fake transport port)', () => {
  it('takes the token from the URL fragment into sessionStorage and off the visible URL', () => {
    window.history.replaceState(null, '', '/?x=1#token=s3cret');
    const client = createBridgeClient(ports(answers()));
    expect(client.transport).toBe('http');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('s3cret');
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?x=1');
    expect(FakeEventSource.instances[0]?.url).toBe(`${HTTP_EVENTS_ROUTE}?token=s3cret`);
    client.dispose();
  });

  it('sends the token as a bearer header with the JSON input, and keeps it across a reload', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'from-session');
    const fetch = answers();
    const client = createBridgeClient(ports(fetch));
    const result = await client.previewCleanup({ folders: ['outputs'] });
    expect(result.ok).toBe(true);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(httpRoute('previewCleanup'));
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer from-session');
    expect(JSON.parse(String(init?.body))).toEqual({ folders: ['outputs'] });
    client.dispose();
  });

  it('becomes unauthorized on a 401, and without any token never connects', async () => {
    window.history.replaceState(null, '', '/#token=wrong');
    const client = createBridgeClient(ports(answers(401)));
    const states: string[] = [];
    client.onConnectionChange((s) => states.push(s));
    const result = await client.getSnapshot();
    expect(result).toMatchObject({ ok: false });
    expect(client.connectionState()).toBe('unauthorized');
    expect(states).toEqual(['unauthorized']);
    client.dispose();

    sessionStorage.clear();
    window.history.replaceState(null, '', '/');
    const noToken = createBridgeClient(ports(answers()));
    expect(noToken.connectionState()).toBe('unauthorized');
    expect(FakeEventSource.instances).toHaveLength(1); // only the first client opened a stream
  });

  it('turns a refused event stream into unauthorized when the token is rejected', async () => {
    window.history.replaceState(null, '', '/#token=stale');
    const client = createBridgeClient(ports(answers(401)));
    FakeEventSource.instances[0]?.drop(2);
    await flush();
    expect(client.connectionState()).toBe('unauthorized');
    client.dispose();
  });

  it('delivers server-sent events by name with their JSON payload', () => {
    window.history.replaceState(null, '', '/#token=t');
    const client = createBridgeClient(ports(answers()));
    const seen: number[] = [];
    client.on('snapshot', (s) => seen.push(s.takenAtMs));
    FakeEventSource.instances[0]?.fire('snapshot', JSON.stringify(snapshot([], { takenAtMs: 42 })));
    FakeEventSource.instances[0]?.fire('snapshot', 'not json');
    expect(seen).toEqual([42]);
    client.dispose();
  });

  it('shows disconnected while the server is down and refetches the snapshot on reconnecting', async () => {
    window.history.replaceState(null, '', '/#token=t');
    const fetch = answers();
    const client = createBridgeClient(ports(fetch));
    const store = createDashboardStore();
    connectStore(client, store, createDashboardActions(client, store));
    const es = FakeEventSource.instances[0]!;
    const snapshotFetches = () => fetch.mock.calls.filter(([url]) => url === httpRoute('getSnapshot')).length;

    es.fire('open');
    await flush();
    expect(store.getState().connection).toBe('connected');
    expect(snapshotFetches()).toBe(1);

    es.drop(0); // server restarting: the browser retries on its own
    expect(store.getState().connection).toBe('disconnected');
    es.fire('open');
    await flush();
    expect(store.getState().connection).toBe('connected');
    expect(snapshotFetches()).toBe(2);
    expect(store.getState().history?.runs).toHaveLength(1);
    client.dispose();
  });

  it('opens a new stream after a delay when the browser gives up on the old one', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/#token=t');
    const client = createBridgeClient(ports(answers()));
    FakeEventSource.instances[0]?.drop(2);
    await flush();
    expect(client.connectionState()).toBe('disconnected');
    expect(FakeEventSource.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.instances[1]?.fire('open');
    expect(client.connectionState()).toBe('connected');
    client.dispose();
  });

  it("uses Electron's window.headroom when the preload exposed it", async () => {
    const fake = createFakeBridge();
    const client = createBridgeClient({ ...ports(answers()), headroom: fake.client });
    expect(client.transport).toBe('electron');
    // Connecting until the main process answers: its engine may still be scanning (electron-transport.test).
    expect(client.connectionState()).toBe('connecting');
    await flush();
    expect(client.connectionState()).toBe('connected');
    await client.getHistory({ limit: 5 });
    expect(fake.calls.getHistory).toHaveBeenCalledWith({ limit: 5 });
    expect(FakeEventSource.instances).toHaveLength(0);
  });
});
