/**
 * The Electron host's composition root: one instance, a tray, the dashboard window, the IPC bridge and
 * notifications around one engine; everything disposed however the app ends. The bridge answers from the
 * first instant (`starting` while the engine scans, `engine-failed` if it cannot start), so the page never
 * calls a handler that does not exist yet. Launched by the user the dashboard opens; launched at login
 * (`--hidden`) only the tray shows, unless the desktop cannot show a tray.
 */
import { app, dialog, ipcMain, Menu, powerMonitor, protocol, shell, Tray } from 'electron';
import type { OpenDialogOptions } from 'electron';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine/runtime/create-engine.js';
import type { Engine } from '../engine/runtime/engine-types.js';
import { keepYoungGenerationSmall } from '../engine/fs/young-generation.js';
import { systemClock } from '../engine/ports.js';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES } from './app-protocol.js';
import { EngineGate } from './engine-gate.js';
import type { GatedEngine } from './engine-gate.js';
import { APP_USER_MODEL_ID } from './app-identity.js';
import {
  appIconImage,
  appPort,
  createLoginItemPort,
  createNotifierPort,
  createTrayPort,
  shellPort,
} from './electron-ports.js';
import { setupIpc } from './ipc.js';
import { launchedAtLogin } from './launch-mode.js';
import { ownItemRegistered, waitForStatusNotifierHost } from './linux-tray-host.js';
import type { RunCommand } from './linux-tray-host.js';
import { NotificationController } from './notification-controller.js';
import type { LoginItemPort, NotifierPort, WindowPort } from './ports.js';
import { installQuitFlow } from './quit-flow.js';
import { errorMessage } from '../engine/fs/errno.js';
import { TrayController, trayIconSpecFor } from './tray/tray-controller.js';
import { setupWindow } from './window.js';
import type { DashboardWindow } from './window.js';
import { windowBehaviour } from './window-behaviour.js';

type Dispose = () => void | Promise<void>;

const platform = process.platform;
const outDir = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(outDir, 'renderer');
const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
/** Longest wait on quit for the engine to finish the file it is removing and record the run. */
const ENGINE_DISPOSE_TIMEOUT_MS = 5_000;
/** A login item may start before the panel's tray host: ask this often, this long apart, before giving up. */
const TRAY_HOST_PROBES = { atLogin: 10, byUser: 1, itemChecks: 5, intervalMs: 1_000 };

// Tests and portable setups point the app at their own data folder (config.yaml, history) this way.
if (process.env.HEADROOM_USER_DATA_DIR) app.setPath('userData', process.env.HEADROOM_USER_DATA_DIR);
// Windows: toasts and the taskbar group by this id, which must match the installer's shortcut (appId).
if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
// The page's own origin (app://headroom/), declared before the app is ready as Electron requires.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
if (!app.requestSingleInstanceLock()) app.quit();
else void app.whenReady().then(start);

async function start(): Promise<void> {
  if (platform === 'darwin') app.dock?.hide();
  // No File/Edit/View menu with Reload and Toggle DevTools (macOS keeps its menu: it carries Copy/Paste).
  else Menu.setApplicationMenu(null);
  const disposers: Dispose[] = [];
  app.on('window-all-closed', () => undefined); // a tray app keeps running without windows
  const atLogin = launchedAtLogin({
    argv: process.argv,
    platform,
    wasOpenedAtLogin: platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin,
  });

  // The bridge first: the page may call it as soon as it loads, long before the engine has scanned.
  const gate = new EngineGate();
  let window: DashboardWindow | null = null;
  disposers.push(
    setupIpc({
      ipcMain,
      // The tray popup's "Open dashboard" is the window's business, not the engine's.
      engine: { ...gate.api, openDashboard: () => openFullDashboard(window) },
      webContents: () => window?.webContents() ?? null,
      origin: rendererOrigin(),
    }),
  );
  const trayIcon = new Tray(appIconImage(16));
  const dashboard = (window = setupDashboard(trayIcon));
  disposers.push(() => dashboard.dispose());
  installQuitFlow(
    {
      platform,
      onBeforeQuit: (listener) => app.on('before-quit', listener),
      // Windows sends the end of the session to top-level windows, the hidden dashboard included.
      onSessionEnd: (listener) => dashboard.onSessionEnd(listener),
      onShutdown: (listener) => powerMonitor.on('shutdown', listener),
      quit: () => app.quit(),
    },
    () => disposeAll(disposers),
  );
  app.on('second-instance', () => dashboard.show('overview'));
  const notifier = createNotifierPort(appIconImage());
  disposers.push(setupNotifications(gate.waiting, notifier, dashboard));
  const loginItem = createLoginItemPort(platform);
  const configFile = join(app.getPath('userData'), 'config.yaml');
  const tray = setupTray(trayIcon, dashboard, notifier, loginItem, configFile);
  disposers.push(() => tray.dispose());
  if (!atLogin) dashboard.show('overview');
  if (platform === 'linux') void keepVisibleWithoutTrayHost(dashboard, atLogin);

  let engine: Engine;
  keepYoungGenerationSmall();
  try {
    engine = await createEngine({
      dataDir: app.getPath('userData'),
      live: true,
      trash: (p) => shell.trashItem(p),
      revealFile: (p) => shell.showItemInFolder(p),
      pickFolder: async () => {
        // Modal to the dashboard (the only page with the bridge, so the one that asked): on macOS and
        // Windows a dialog without a parent can open behind it.
        const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
        const parent = dashboard.browserWindow();
        const chosen = await (parent
          ? dialog.showOpenDialog(parent, options)
          : dialog.showOpenDialog(options));
        return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
      },
      subscribe: (on) => gate.attachEvents(on),
    });
  } catch (error) {
    gate.fail(
      `Headroom could not start: ${errorMessage(error)}. Fix ${configFile} and start Headroom again.`,
    );
    tray.showEngineError(errorMessage(error));
    dialog.showErrorBox(
      'Headroom could not start',
      `${errorMessage(error)}\n\nFix ${configFile} and start Headroom again.`,
    );
    return;
  }
  disposers.push(() => withTimeout(engine.dispose(), ENGINE_DISPOSE_TIMEOUT_MS));
  gate.ready(engine);
  await tray.attach(engine);
  await applyStartAtLogin(engine, loginItem);
}

/** The tray popup's "Open dashboard": the same window, grown to the full dashboard (window-views.ts). */
async function openFullDashboard(window: DashboardWindow | null): Promise<{ opened: boolean }> {
  window?.show('overview');
  return { opened: window !== null };
}

function setupDashboard(tray: Tray): DashboardWindow {
  return setupWindow({
    preloadPath: join(outDir, 'preload', 'index.cjs'),
    rendererDir,
    devServerUrl,
    trayBounds: () => tray.getBounds(),
    icon: appIconImage(),
    behaviour: windowBehaviour({ platform, env: process.env }),
    focusApp: () => app.focus({ steal: true }),
    now: () => systemClock.now(),
  });
}

/**
 * Linux: with no StatusNotifier host (stock GNOME, or none yet at login), or a host that never lists this
 * app's item (Electron's StatusNotifierItem regressions, README "Desktop integration"), the tray icon is
 * invisible: the dashboard opens and stays in the taskbar instead of leaving the user with nothing on screen.
 */
async function keepVisibleWithoutTrayHost(window: DashboardWindow, atLogin: boolean): Promise<void> {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const host = await waitForStatusNotifierHost({
    run: runCommand,
    sleep,
    attempts: atLogin ? TRAY_HOST_PROBES.atLogin : TRAY_HOST_PROBES.byUser,
    intervalMs: TRAY_HOST_PROBES.intervalMs,
  });
  let visible = host !== 'absent';
  // Electron registers the item asynchronously: give it a few seconds before calling it refused.
  for (let attempt = 0; host === 'present' && attempt < TRAY_HOST_PROBES.itemChecks; attempt++) {
    await sleep(TRAY_HOST_PROBES.intervalMs);
    const registered = await ownItemRegistered(runCommand, process.pid);
    visible = registered !== false;
    if (visible) break;
  }
  if (visible) return;
  window.keepInTaskbar();
  window.show('overview');
}

const runCommand: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 5_000 }, (error, stdout) => resolve(error ? null : stdout));
  });

function setupTray(
  tray: Tray,
  window: WindowPort,
  notifier: NotifierPort,
  loginItem: LoginItemPort,
  configFile: string,
) {
  const controller = new TrayController({
    tray: createTrayPort(tray, platform, app.getPath('userData')),
    window,
    shell: shellPort,
    loginItem,
    app: appPort,
    clock: systemClock,
    icon: trayIconSpecFor(platform),
    configFile,
    reportError: (message) => notifier.show({ title: 'Headroom', body: message }),
    ...(platform === 'win32' ? { tooltipMaxChars: 127 } : {}),
    // Linux: each tooltip change makes Chromium resend the whole menu, and an open menu flickers.
    // and a left click opens the menu (GNOME's AppIndicator extension), so the dashboard comes first in it.
    ...(platform === 'linux' ? { liveTooltip: false, dashboardFirstInMenu: true } : {}),
  });
  return {
    attach: (engine: Engine) => controller.attach(engine),
    showEngineError: (message: string) => controller.showEngineError(message),
    dispose: () => {
      controller.dispose();
      tray.destroy();
    },
  };
}

function setupNotifications(engine: GatedEngine, notifier: NotifierPort, window: WindowPort): Dispose {
  const controller = new NotificationController(engine, { notifier, window });
  return () => controller.dispose();
}

function rendererOrigin() {
  return { indexFileUrl: APP_INDEX_URL, devServerUrl };
}

/** config.yaml's start_at_login decides; only a packaged app registers itself (not the dev Electron binary). */
async function applyStartAtLogin(engine: Engine, loginItem: LoginItemPort): Promise<void> {
  if (!app.isPackaged) return;
  const wanted = await engine.getConfig({}).then(
    (view) => view.settings.start_at_login,
    () => null,
  );
  if (wanted !== null && wanted !== loginItem.get()) loginItem.set(wanted);
}

/**
 * Starts every disposer at once (the last registered first), so their synchronous parts all run even when
 * the OS ends the process right after (Windows `session-end`); each failure is ignored so the others finish.
 */
async function disposeAll(disposers: Dispose[]): Promise<void> {
  const started = disposers.splice(0).reverse().map(startDispose);
  await Promise.all(started);
}

function startDispose(dispose: Dispose): Promise<void> {
  try {
    return Promise.resolve(dispose()).catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}

function withTimeout(promise: Promise<void>, timeoutMs: number): Promise<void> {
  return Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}
