import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, REQUEST_NAMES } from '../../../shared/bridge.js';
import { createFakeElectron } from './fake-electron.js';
import { FakeEngine, flush, snapshot } from './fakes.js';

const state: { fake: ReturnType<typeof createFakeElectron>; engine: FakeEngine | Error; disposed: number } = {
  fake: createFakeElectron(),
  engine: new Error('unset'),
  disposed: 0,
};

// Getters, because the mocked module is evaluated once while each test launches the app with a new fake.
vi.mock('electron', () =>
  Object.defineProperties(
    {},
    Object.fromEntries(
      Object.keys(createFakeElectron().module).map((key) => [
        key,
        { get: () => state.fake.module[key as keyof typeof state.fake.module], enumerable: true },
      ]),
    ),
  ),
);
vi.mock('../../../electron/engine/create-engine.js', () => ({
  createEngine: async () => {
    if (state.engine instanceof Error) throw state.engine;
    return Object.assign(state.engine, {
      configFile: 'config.yaml',
      dataDir: '.',
      dispose: async () => void state.disposed++,
    });
  },
}));

async function launch(options: { gotLock?: boolean; engine: FakeEngine | Error }) {
  state.fake = createFakeElectron(options);
  state.engine = options.engine;
  state.disposed = 0;
  vi.resetModules();
  await import('../../../electron/main/index.js');
  for (let i = 0; i < 5; i++) await flush();
  return state.fake.record;
}

function readyEngine(): FakeEngine {
  const engine = new FakeEngine();
  engine.results.getSnapshot = snapshot();
  engine.results.getConfig = { settings: { notifications: true, start_at_login: false } };
  return engine;
}

beforeEach(() => vi.spyOn(process, 'platform', 'get').mockReturnValue('win32'));
afterEach(() => vi.restoreAllMocks());

describe('electron/main/index.ts (fake electron module, fake engine)', () => {
  it('quits at once when another instance holds the lock', async () => {
    const record = await launch({ gotLock: false, engine: readyEngine() });
    expect(record.quit).toBe(1);
    expect(record.windows).toHaveLength(0);
  });

  it('creates one hidden, locked-down dashboard window', async () => {
    const record = await launch({ engine: readyEngine() });
    const [window] = record.windows;
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(window?.options).toMatchObject({ show: false, skipTaskbar: true });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    window?.webContents.emit('will-navigate', event, 'https://example.com/');
    expect(event.defaultPrevented).toBe(true);
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    const [ses] = record.partitions;
    let granted: boolean | null = null;
    ses?.permissionRequest?.({}, 'notifications', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    let headers: Record<string, string[]> = {};
    ses?.headers?.(
      { responseHeaders: {} },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/script-src 'self'/);
  });

  it('serves every bridge request over IPC and shows the engine in the tray', async () => {
    const record = await launch({ engine: readyEngine() });
    expect([...record.handlers.keys()].sort()).toEqual(REQUEST_NAMES.map(ipcChannel).sort());
    expect(record.trays[0]?.tooltip).toBe('Headroom\noutputs 4.1 GB of 5 GB (82%)');
  });

  it('keeps the tray in an error state and says why when the engine cannot start', async () => {
    const record = await launch({ engine: new Error('config.yaml line 4: max_files must be a number') });
    expect(record.trays[0]?.tooltip).toBe(
      'Headroom could not start: config.yaml line 4: max_files must be a number',
    );
    expect(record.trays[0]?.destroyed).toBe(false);
    expect(record.errorBoxes[0]?.[0]).toBe('Headroom could not start');
  });

  it('disposes everything, engine included, before quitting', async () => {
    const record = await launch({ engine: readyEngine() });
    state.fake.module.app.quit();
    for (let i = 0; i < 5; i++) await flush();
    expect(state.disposed).toBe(1);
    expect(record.handlers.size).toBe(0);
    expect(record.trays[0]?.destroyed).toBe(true);
    expect(record.windows[0]?.destroyed).toBe(true);
    expect(record.quit).toBe(2); // the first quit waits for the disposers, then quits for real
  });
});
