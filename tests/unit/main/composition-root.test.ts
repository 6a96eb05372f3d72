import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ipcChannel, REQUEST_NAMES } from '../../../shared/bridge.js';
import type { EngineOptions } from '../../../electron/engine/runtime/engine-types.js';
import type { WarningEvent } from '../../../shared/types.js';
import { APP_INDEX_URL } from '../../../electron/main/app-protocol.js';
import { createFakeElectron } from './fake-electron.js';
import { FakeEngine, flush, snapshot } from './fakes.js';

/** What the fake createEngine does: fail, resolve, or wait for the test (a slow first scan). */
type EngineStart = FakeEngine | Error | { slow: Promise<FakeEngine>; warnAtStart?: WarningEvent };

const state: {
  fake: ReturnType<typeof createFakeElectron>;
  engine: EngineStart;
  disposed: number;
  /** What `gdbus` answers on the session bus (Linux tray host probe); null: it cannot run. */
  gdbus: ((args: string[]) => string) | null;
  /** The options the app gave createEngine. */
  engineOptions: EngineOptions | null;
} = {
  engineOptions: null,
  fake: createFakeElectron(),
  engine: new Error('unset'),
  disposed: 0,
  gdbus: null,
};

// The process port: the only program the shell runs is gdbus, to ask the session bus for a tray host.
vi.mock('node:child_process', () => ({
  execFile: (
    _file: string,
    args: string[],
    _options: unknown,
    done: (e: Error | null, out: string) => void,
  ) => {
    const answer = state.gdbus;
    setImmediate(() => (answer ? done(null, answer(args)) : done(new Error('gdbus: not found'), '')));
  },
}));

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
vi.mock('../../../electron/engine/runtime/create-engine.js', () => ({
  createEngine: async (options: EngineOptions) => {
    state.engineOptions = options;
    const start = state.engine;
    if (start instanceof Error) throw start;
    let engine: FakeEngine;
    if (start instanceof FakeEngine) engine = start;
    else {
      // The real engine's first scan raises its warnings before createEngine returns.
      const early = new FakeEngine();
      options.subscribe?.((event, listener) => early.on(event, listener));
      if (start.warnAtStart) early.emit('warning', start.warnAtStart);
      engine = await start.slow;
      early.forwardTo(engine);
    }
    return Object.assign(engine, {
      configFile: 'config.yaml',
      dataDir: '.',
      dispose: async () => void state.disposed++,
    });
  },
}));

interface LaunchOptions {
  gotLock?: boolean;
  engine: EngineStart;
  platform?: NodeJS.Platform;
  argv?: string[];
  env?: Record<string, string>;
  wasOpenedAtLogin?: boolean;
}

async function launch(options: LaunchOptions) {
  state.fake = createFakeElectron(options);
  state.engine = options.engine;
  state.disposed = 0;
  if (options.platform) vi.spyOn(process, 'platform', 'get').mockReturnValue(options.platform);
  vi.spyOn(process, 'argv', 'get').mockReturnValue(['electron', '.', ...(options.argv ?? [])]);
  for (const [key, value] of Object.entries(options.env ?? {})) vi.stubEnv(key, value);
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
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  state.gdbus = null;
});

/** Waits for a condition the app reaches asynchronously (a gdbus answer, a disposal). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('electron/main/index.ts (fake electron module, fake engine)', () => {
  it('quits at once when another instance holds the lock', async () => {
    const record = await launch({ gotLock: false, engine: readyEngine() });
    expect(record.quit).toBe(1);
    expect(record.windows).toHaveLength(0);
  });

  it('gives the engine shell.showItemInFolder as its revealFile port (Show in folder, issue 15)', async () => {
    const record = await launch({ engine: readyEngine() });
    await state.engineOptions?.revealFile?.('/data/outputs/take.wav');
    expect(record.shownInFolder).toEqual(['/data/outputs/take.wav']);
  });

  it('gives the engine dialog.showOpenDialog as its pickFolder port, for folders only (issue 15 item 5)', async () => {
    const record = await launch({ engine: readyEngine() });
    record.pickedFolder = '/home/me/renders';
    await expect(state.engineOptions?.pickFolder?.()).resolves.toBe('/home/me/renders');
    expect(record.openDialogs).toEqual([{ properties: ['openDirectory', 'createDirectory'] }]);
    record.pickedFolder = null;
    await expect(state.engineOptions?.pickFolder?.()).resolves.toBeNull();
  });

  it('opens the folder picker modal to the dashboard window, so it cannot fall behind it (issue 15 leftover)', async () => {
    const record = await launch({ engine: readyEngine() });
    await state.engineOptions?.pickFolder?.();
    expect(record.windows).toHaveLength(1);
    expect(record.openDialogParents).toEqual([record.windows[0]]);
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

  it('loads the page from app://headroom/ (not file://), served by the dashboard session only', async () => {
    const record = await launch({ engine: readyEngine() });
    expect(record.loads.map((load) => load.url)).toEqual(['app://headroom/index.html']);
    expect(record.privilegedSchemes).toMatchObject([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect([...(record.partitions[0]?.protocols.keys() ?? [])]).toEqual(['app']);
  });

  it('serves every bridge request over IPC and shows the engine in the tray', async () => {
    const record = await launch({ engine: readyEngine() });
    expect([...record.handlers.keys()].sort()).toEqual(REQUEST_NAMES.map(ipcChannel).sort());
    expect(record.trays[0]?.tooltip).toBe('Headroom\noutputs 4.1 GB of 5 GB (82%)');
  });

  it('answers the page with "starting" while a slow engine scans, registered before the page loads (slow fake engine)', async () => {
    let finish: (engine: FakeEngine) => void = () => undefined;
    const slow = new Promise<FakeEngine>((resolve) => (finish = resolve));
    const record = await launch({ engine: { slow } });
    expect(record.loads).toHaveLength(1);
    expect(record.loads[0]?.handlersAtLoad).toBe(REQUEST_NAMES.length);
    const ask = (name: (typeof REQUEST_NAMES)[number]) =>
      record.handlers.get(ipcChannel(name))?.({ senderFrame: { url: record.loads[0]?.url } }, {});
    expect(await ask('getHistory')).toMatchObject({ ok: false, code: 'starting' });
    finish(readyEngine());
    for (let i = 0; i < 5; i++) await flush();
    expect(await ask('getSnapshot')).toMatchObject({ ok: true, value: { level: 'warning' } });
  });

  it('tells the page why when the engine cannot start', async () => {
    const record = await launch({ engine: new Error('config.yaml line 4: max_files must be a number') });
    const answer = await record.handlers.get(ipcChannel('getConfig'))?.(
      { senderFrame: { url: record.loads[0]?.url } },
      {},
    );
    expect(answer).toMatchObject({ ok: false, code: 'engine-failed' });
    expect((answer as { message: string }).message).toMatch(/max_files must be a number/);
  });

  it('notifies a warning the first scan raised before createEngine returned (slow fake engine)', async () => {
    const warning: WarningEvent = {
      kind: 'over',
      folder: 'outputs',
      level: 'over',
      usagePercent: 120,
      message: 'outputs is at 120% of its limit',
      atMs: 1_700_000_000_000,
    };
    const record = await launch({ engine: { slow: Promise.resolve(readyEngine()), warnAtStart: warning } });
    expect(record.notifications).toEqual([
      { title: 'outputs is over its limit', body: 'outputs is at 120% of its limit' },
    ]);
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

describe('electron/main/index.ts on each desktop (fake electron module, platform switched)', () => {
  it('opens the dashboard when the user launches it, only the tray when launched at login', async () => {
    const byUser = await launch({ engine: readyEngine() });
    expect(byUser.windows[0]?.visible).toBe(true);
    const atLogin = await launch({ engine: readyEngine(), argv: ['--hidden'] });
    expect(atLogin.windows[0]?.visible).toBe(false);
    const macLogin = await launch({ engine: readyEngine(), platform: 'darwin', wasOpenedAtLogin: true });
    expect(macLogin.windows[0]?.visible).toBe(false);
  });

  it("Windows: the AppUserModelID is electron-builder's appId, and the window has no default menu", async () => {
    const record = await launch({ engine: readyEngine(), platform: 'win32' });
    const builder = parse(
      readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'),
    ) as {
      appId: string;
    };
    expect(record.appUserModelId).toBe(builder.appId);
    expect(record.applicationMenu).toBeNull();
  });

  it('Windows: a tray click right after the taskbar took focus hides the window', async () => {
    const record = await launch({ engine: readyEngine(), platform: 'win32' });
    const window = record.windows[0];
    expect(window?.visible).toBe(true);
    window?.loseFocus(); // the click on the taskbar's tray area blurs the window first…
    record.trays[0]?.emit('click'); // …then the tray reports the click
    expect(window?.visible).toBe(false);
    record.trays[0]?.emit('click');
    expect(window?.visible).toBe(true);
  });

  it('Windows: the end of the session disposes the engine (before-quit is not emitted then)', async () => {
    const record = await launch({ engine: readyEngine(), platform: 'win32' });
    record.windows[0]?.emit('session-end', {}); // sent to top-level windows, the hidden one included
    await until(() => state.disposed === 1);
    expect(record.handlers.size).toBe(0);
  });

  it('macOS: brings the window to the front by stealing focus; logout is never cancelled', async () => {
    const record = await launch({ engine: readyEngine(), platform: 'darwin' });
    expect(record.focusSteals).toBeGreaterThan(0);
    state.fake.module.powerMonitor.emit('shutdown', { preventDefault: () => undefined });
    state.fake.module.app.quit(); // the OS asks the app to terminate
    expect(record.beforeQuit).toEqual([{ defaultPrevented: false }]);
    await until(() => state.disposed === 1);
  });

  it('Linux shutdown: holds it, disposes the engine, then quits', async () => {
    await launch({ engine: readyEngine(), platform: 'linux' });
    let held = false;
    state.fake.module.powerMonitor.emit('shutdown', { preventDefault: () => (held = true) });
    expect(held).toBe(true);
    await until(() => state.fake.record.quit === 2);
    expect(state.disposed).toBe(1);
  });

  it('Linux without a StatusNotifier host: the window opens and stays in the taskbar, even at login', async () => {
    state.gdbus = () => '(false,)\n';
    // Fake timers for the waits between probes: a login item gives the panel's tray host time to appear.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let window;
    try {
      const record = await launch({ engine: readyEngine(), platform: 'linux', argv: ['--hidden'] });
      window = record.windows[0];
      expect(window?.visible).toBe(false);
      for (let i = 0; i < 60 && !window?.visible; i++) await vi.advanceTimersByTimeAsync(1_000);
    } finally {
      vi.useRealTimers();
    }
    expect(window?.visible).toBe(true);
    expect(window?.skipTaskbar).toBe(false);
    const close = { defaultPrevented: false, preventDefault: () => (close.defaultPrevented = true) };
    window?.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(window?.minimized).toBe(true);
    expect(window?.skipTaskbar).toBe(false);
  });

  /** A tray host that lists the given items; each bus name's owner is this process when `own`. */
  const hostListing = (own: boolean) => (args: string[]) => {
    if (args.includes('RegisteredStatusNotifierItems'))
      return "(<[':1.7/org/blueman/sni', ':1.42/org/chromium/StatusNotifierItem/1']>,)\n";
    if (args.includes('org.freedesktop.DBus.GetConnectionUnixProcessID'))
      return `(uint32 ${own && args.at(-1) === ':1.42' ? process.pid : 1},)\n`;
    return '(<true>,)\n'; // the watcher runs and a host is registered
  };

  /** Launches at login with fake timers, advancing them until the window shows or a minute passed. */
  async function launchAtLoginOnLinux() {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const record = await launch({ engine: readyEngine(), platform: 'linux', argv: ['--hidden'] });
      for (let i = 0; i < 60 && !record.windows[0]?.visible; i++) await vi.advanceTimersByTimeAsync(1_000);
      return record;
    } finally {
      vi.useRealTimers();
    }
  }

  it('Linux with a tray host that lists the icon: launched at login, only the tray', async () => {
    state.gdbus = hostListing(true);
    const record = await launchAtLoginOnLinux();
    expect(record.windows[0]?.visible).toBe(false);
  });

  it("Linux with a host that never lists this app's icon (Electron's SNI regressions): the window opens", async () => {
    state.gdbus = hostListing(false);
    const record = await launchAtLoginOnLinux();
    expect(record.windows[0]?.visible).toBe(true);
    expect(record.windows[0]?.skipTaskbar).toBe(false);
  });

  it('Linux: the tooltip does not follow every snapshot (it would make an open menu flicker)', async () => {
    const engine = readyEngine();
    const record = await launch({ engine, platform: 'linux' });
    const tooltip = record.trays[0]?.tooltip;
    engine.emit('snapshot', snapshot({ maxUsagePercent: 91 }));
    expect(record.trays[0]?.tooltip).toBe(tooltip);
    expect(tooltip).toBe('Headroom');
  });

  it('Linux: the menu a left click opens starts with "Open dashboard"; elsewhere the menu keeps its order', async () => {
    const linux = await launch({ engine: readyEngine(), platform: 'linux' });
    const first = (record: typeof linux) =>
      (record.trays[0]?.menu as { template: { id?: string }[] } | null)?.template[0]?.id;
    expect(first(linux)).toBe('open-dashboard');
    const windows = await launch({ engine: readyEngine(), platform: 'win32' });
    expect(first(windows)).not.toBe('open-dashboard');
  });

  it('Wayland: the tray popup is not positioned (the compositor ignores it)', async () => {
    const wayland = await launch({
      engine: readyEngine(),
      platform: 'linux',
      env: { XDG_SESSION_TYPE: 'wayland' },
    });
    expect(wayland.windows[0]?.visible).toBe(true);
    wayland.windows[0]?.hide();
    wayland.trays[0]?.emit('click');
    expect(wayland.positions).toEqual([]);
    const x11 = await launch({ engine: readyEngine(), platform: 'linux', env: { XDG_SESSION_TYPE: 'x11' } });
    x11.windows[0]?.hide();
    x11.trays[0]?.emit('click');
    expect(x11.positions).toHaveLength(1);
  });

  it('a user launch opens the full dashboard, centred; a tray click the 480×680 popup beside the tray (#/tray)', async () => {
    const record = await launch({ engine: readyEngine(), platform: 'win32' });
    const window = record.windows[0]!;
    expect(window.getSize()[0]).toBeGreaterThan(480);
    expect(record.centred).toBe(1);
    window.hide();
    record.trays[0]?.emit('click');
    expect(window.getSize()).toEqual([480, 680]);
    expect(record.positions).toHaveLength(1);
    await vi.waitFor(() => expect(window.webContents.scripts.join('\n')).toContain('#/tray'));
  });

  it('the popup\'s "Open dashboard" grows the window to the full view (#/overview)', async () => {
    const record = await launch({ engine: readyEngine(), platform: 'win32' });
    const window = record.windows[0]!;
    window.hide();
    record.trays[0]?.emit('click');
    const handler = record.handlers.get(ipcChannel('openDashboard'))!;
    const answer = await handler({ senderFrame: { url: APP_INDEX_URL } }, {});
    expect(answer).toEqual({ ok: true, value: { opened: true } });
    expect(window.getSize()[0]).toBeGreaterThan(480);
    expect(window.visible).toBe(true);
    await vi.waitFor(() => expect(window.webContents.scripts.at(-1)).toContain('#/overview'));
  });
});
