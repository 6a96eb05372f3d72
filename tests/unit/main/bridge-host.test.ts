import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BridgeError,
  EVENT_NAMES,
  IPC_EVENT_CHANNEL,
  ipcChannel,
  REQUEST_NAMES,
} from '../../../shared/bridge.js';
import type { HeadroomApi } from '../../../shared/bridge.js';
import {
  forwardEngineEvents,
  handleBridgeRequest,
  isAppRendererUrl,
  toBridgeFailure,
} from '../../../electron/main/bridge-host.js';
import type { BridgeEventMessage } from '../../../electron/main/bridge-host.js';
import { setupIpc } from '../../../electron/main/ipc.js';
import { FakeEngine, snapshot } from './fakes.js';

const indexFileUrl = pathToFileURL('/opt/Headroom/resources/app.asar/out/renderer/index.html').href;
const packaged = { indexFileUrl, devServerUrl: null };
const dev = { indexFileUrl, devServerUrl: 'http://localhost:5173/' };
const api = (engine: FakeEngine) => engine as unknown as HeadroomApi;

describe('isAppRendererUrl', () => {
  it("accepts only the app's own page, whatever its hash or query", () => {
    expect(isAppRendererUrl(indexFileUrl, packaged)).toBe(true);
    expect(isAppRendererUrl(`${indexFileUrl}#/preview`, packaged)).toBe(true);
    expect(isAppRendererUrl(`${indexFileUrl}?x=1`, packaged)).toBe(true);
  });

  it('accepts the page served from app://headroom/, and no other host, path or file:// page', () => {
    const app = { indexFileUrl: 'app://headroom/index.html', devServerUrl: null };
    expect(isAppRendererUrl('app://headroom/index.html#/preview', app)).toBe(true);
    expect(isAppRendererUrl('app://evil/index.html', app)).toBe(false);
    expect(isAppRendererUrl('app://headroom/other.html', app)).toBe(false);
    expect(isAppRendererUrl(indexFileUrl, app)).toBe(false);
  });

  it('refuses other files, other sites, missing frames and the dev server when not developing', () => {
    expect(isAppRendererUrl(pathToFileURL('/tmp/evil/index.html').href, packaged)).toBe(false);
    expect(isAppRendererUrl('https://example.com/', packaged)).toBe(false);
    expect(isAppRendererUrl('http://localhost:5173/', packaged)).toBe(false);
    expect(isAppRendererUrl(undefined, packaged)).toBe(false);
    expect(isAppRendererUrl('not a url', packaged)).toBe(false);
  });

  it('accepts the dev server origin while developing, and nothing else on that host', () => {
    expect(isAppRendererUrl('http://localhost:5173/#/preview', dev)).toBe(true);
    expect(isAppRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('handleBridgeRequest (fake engine)', () => {
  it('parses the input and returns the engine value', async () => {
    const engine = new FakeEngine();
    engine.results.runCleanup = { id: 'r1' };
    const result = await handleBridgeRequest(
      api(engine),
      'runCleanup',
      indexFileUrl,
      { folders: ['outputs'] },
      packaged,
    );
    expect(result).toEqual({ ok: true, value: { id: 'r1' } });
    expect(engine.calls).toEqual([{ name: 'runCleanup', input: { folders: ['outputs'] } }]);
  });

  it('treats a missing input as {}', async () => {
    const engine = new FakeEngine();
    await handleBridgeRequest(api(engine), 'getSnapshot', indexFileUrl, undefined, packaged);
    expect(engine.calls).toEqual([{ name: 'getSnapshot', input: {} }]);
  });

  it('refuses a foreign sender without calling the engine', async () => {
    const engine = new FakeEngine();
    const result = await handleBridgeRequest(api(engine), 'runCleanup', 'https://example.com/', {}, packaged);
    expect(result).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(engine.calls).toEqual([]);
  });

  it('rejects input that breaks the schema, naming the field', async () => {
    const engine = new FakeEngine();
    const result = await handleBridgeRequest(
      api(engine),
      'runCleanup',
      indexFileUrl,
      { folders: ['../etc'], extra: true },
      packaged,
    );
    expect(result).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(engine.calls).toEqual([]);
  });

  it("passes a BridgeError's code through and turns anything else into 'internal', message only", async () => {
    const engine = new FakeEngine();
    engine.failures.runCleanup = new BridgeError('busy', 'A cleanup is already running.');
    engine.failures.getHistory = new TypeError('history.jsonl: boom');
    expect(await handleBridgeRequest(api(engine), 'runCleanup', indexFileUrl, {}, packaged)).toEqual({
      ok: false,
      code: 'busy',
      message: 'A cleanup is already running.',
    });
    const failure = await handleBridgeRequest(api(engine), 'getHistory', indexFileUrl, {}, packaged);
    expect(failure).toEqual({ ok: false, code: 'internal', message: 'history.jsonl: boom' });
    expect(Object.keys(toBridgeFailure('plain string'))).toEqual(['ok', 'code', 'message']);
  });
});

describe('setupIpc (fake electron port, fake engine)', () => {
  function fakeIpcMain() {
    const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    return {
      handlers,
      handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => {
        handlers.set(channel, fn);
      },
      removeHandler: (channel: string) => void handlers.delete(channel),
    };
  }

  it('handles exactly the contract channels, checks the sender frame and forwards every event', async () => {
    const engine = new FakeEngine();
    engine.results.getSnapshot = snapshot();
    const ipcMain = fakeIpcMain();
    const sent: [string, BridgeEventMessage][] = [];
    const contents = {
      send: (channel: string, m: BridgeEventMessage) => void sent.push([channel, m]),
      isDestroyed: () => false,
    };
    const dispose = setupIpc({
      ipcMain: ipcMain as never,
      engine: engine as never,
      origin: packaged,
      webContents: () => contents as never,
    });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(REQUEST_NAMES.map(ipcChannel).sort());
    const handler = ipcMain.handlers.get(ipcChannel('getSnapshot'))!;
    expect(await handler({ senderFrame: { url: indexFileUrl } }, {})).toEqual({
      ok: true,
      value: snapshot(),
    });
    expect(await handler({ senderFrame: null }, {})).toMatchObject({ ok: false, code: 'unauthorized' });
    engine.emit('snapshot', snapshot());
    expect(sent).toEqual([[IPC_EVENT_CHANNEL, { event: 'snapshot', payload: snapshot() }]]);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(engine.listenerCount()).toBe(0);
  });

  it('forwards each event name once and drops events while there is no window', () => {
    const engine = new FakeEngine();
    const got: string[] = [];
    const stop = forwardEngineEvents(engine, (m) => got.push(m.event));
    for (const event of EVENT_NAMES) engine.emit(event, {} as never);
    expect(got).toEqual([...EVENT_NAMES]);
    stop();
    const ipcMain = fakeIpcMain();
    setupIpc({
      ipcMain: ipcMain as never,
      engine: engine as never,
      origin: packaged,
      webContents: () => null,
    });
    expect(() => engine.emit('warning', {} as never)).not.toThrow();
  });
});
