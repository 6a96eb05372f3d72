/**
 * The Electron host's composition root: one instance, a tray, a hidden dashboard window, the IPC bridge and
 * notifications around one engine; everything disposed on quit. If the engine cannot start, the tray stays
 * up in its error state and says why.
 */
import { app, dialog, ipcMain, shell, Tray } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine-types.js';
import { systemClock } from '../engine/ports.js';
import {
  appIconImage,
  appPort,
  createLoginItemPort,
  createNotifierPort,
  createTrayPort,
  shellPort,
} from './electron-ports.js';
import { setupIpc } from './ipc.js';
import { NotificationController } from './notification-controller.js';
import type { LoginItemPort, NotifierPort, WindowPort } from './ports.js';
import { messageOf, TrayController, trayIconSpecFor } from './tray/tray-controller.js';
import { setupWindow } from './window.js';
import type { DashboardWindow } from './window.js';

type Dispose = () => void | Promise<void>;

const platform = process.platform;
const outDir = fileURLToPath(new URL('..', import.meta.url));
const indexHtmlPath = join(outDir, 'renderer', 'index.html');
const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
/** Longest wait on quit for the engine to finish the file it is removing and record the run. */
const ENGINE_DISPOSE_TIMEOUT_MS = 5_000;

// Tests and portable setups point the app at their own data folder (config.yaml, history) this way.
if (process.env.HEADROOM_USER_DATA_DIR) app.setPath('userData', process.env.HEADROOM_USER_DATA_DIR);
if (!app.requestSingleInstanceLock()) app.quit();
else void app.whenReady().then(start);

async function start(): Promise<void> {
  if (platform === 'darwin') app.dock?.hide();
  const disposers: Dispose[] = [];
  disposeOnQuit(disposers);
  app.on('window-all-closed', () => undefined); // a tray app keeps running without windows
  const trayIcon = new Tray(appIconImage(16));
  const window = setupDashboard(trayIcon);
  disposers.push(() => window.dispose());
  app.on('second-instance', () => window.show('overview'));
  const notifier = createNotifierPort(appIconImage());
  const loginItem = createLoginItemPort(platform);
  const configFile = join(app.getPath('userData'), 'config.yaml');
  const tray = setupTray(trayIcon, window, notifier, loginItem, configFile);
  disposers.push(() => tray.dispose());

  let engine: Engine;
  try {
    engine = await createEngine({
      dataDir: app.getPath('userData'),
      live: true,
      trash: (p) => shell.trashItem(p),
    });
  } catch (error) {
    tray.showEngineError(messageOf(error));
    dialog.showErrorBox(
      'Headroom could not start',
      `${messageOf(error)}\n\nFix ${configFile} and start Headroom again.`,
    );
    return;
  }
  disposers.push(() => withTimeout(engine.dispose(), ENGINE_DISPOSE_TIMEOUT_MS));
  disposers.push(
    setupIpc({ ipcMain, engine, webContents: () => window.webContents(), origin: rendererOrigin() }),
  );
  disposers.push(setupNotifications(engine, notifier, window));
  await tray.attach(engine);
  await applyStartAtLogin(engine, loginItem);
}

function setupDashboard(tray: Tray): DashboardWindow {
  return setupWindow({
    preloadPath: join(outDir, 'preload', 'index.cjs'),
    indexHtmlPath,
    devServerUrl,
    trayBounds: () => tray.getBounds(),
    icon: appIconImage(),
  });
}

function setupTray(
  tray: Tray,
  window: WindowPort,
  notifier: NotifierPort,
  loginItem: LoginItemPort,
  configFile: string,
) {
  const controller = new TrayController({
    tray: createTrayPort(tray, platform),
    window,
    shell: shellPort,
    loginItem,
    app: appPort,
    clock: systemClock,
    icon: trayIconSpecFor(platform),
    configFile,
    reportError: (message) => notifier.show({ title: 'Headroom', body: message }),
    ...(platform === 'win32' ? { tooltipMaxChars: 127 } : {}),
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

function setupNotifications(engine: Engine, notifier: NotifierPort, window: WindowPort): Dispose {
  const controller = new NotificationController(engine, { notifier, window });
  return () => controller.dispose();
}

function rendererOrigin() {
  return { indexFileUrl: pathToFileURL(indexHtmlPath).href, devServerUrl };
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

/** Quitting waits (briefly) for every disposer, engine included, then quits for real. */
function disposeOnQuit(disposers: Dispose[]): void {
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    const all = disposers.reverse().map((dispose) =>
      Promise.resolve()
        .then(dispose)
        .catch(() => undefined),
    );
    void Promise.all(all).finally(() => app.quit());
  });
}

function withTimeout(promise: Promise<void>, timeoutMs: number): Promise<void> {
  return Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}
