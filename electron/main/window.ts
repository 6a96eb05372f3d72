/**
 * The dashboard window: created hidden at start-up (so it opens instantly), locked down (context isolation,
 * sandbox, CSP, no navigation, no new windows, no webviews, no permissions) and shown next to the tray.
 */
import { BrowserWindow, screen, session } from 'electron';
import type { NativeImage, Rectangle, Session, WebContents } from 'electron';
import { dashboardCsp } from './dashboard-csp.js';
import type { DashboardView, WindowPort } from './ports.js';
import { positionNearTray } from './window-position.js';

export interface DashboardWindowOptions {
  /** Built preload (`out/preload/index.cjs`). */
  preloadPath: string;
  /** Built page (`out/renderer/index.html`), used unless `devServerUrl` is set. */
  indexHtmlPath: string;
  devServerUrl: string | null;
  /** The tray icon's bounds; empty where the desktop does not report them (most Linux panels). */
  trayBounds(): Rectangle;
  icon?: NativeImage;
}

export interface DashboardWindow extends WindowPort {
  webContents(): WebContents | null;
  /** Lets the window close for real (on quit) instead of hiding. */
  dispose(): void;
}

const SIZE = { width: 480, height: 680 };
const PARTITION = 'persist:dashboard';

/** Denies every permission and adds the CSP header to every response of the dashboard's session. */
function lockDownSession(ses: Session, csp: string): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

function lockDownContents(contents: WebContents): void {
  // The dashboard is one page; its views change the hash, which is not a navigation.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function setupWindow(options: DashboardWindowOptions): DashboardWindow {
  const ses = session.fromPartition(PARTITION);
  lockDownSession(ses, dashboardCsp(options.devServerUrl !== null));
  const window = new BrowserWindow({
    ...SIZE,
    minWidth: 380,
    minHeight: 420,
    show: false,
    skipTaskbar: true,
    title: 'Headroom',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preloadPath,
      session: ses,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  lockDownContents(window.webContents);
  let closing = false;
  window.on('close', (event) => {
    if (closing) return;
    event.preventDefault(); // closing the dashboard hides it; the tray keeps running
    hide();
  });
  if (options.devServerUrl !== null) void window.loadURL(options.devServerUrl);
  else void window.loadFile(options.indexHtmlPath);

  const hide = () => {
    window.hide();
    window.setSkipTaskbar(true);
  };
  const show = (view?: DashboardView) => {
    if (window.isDestroyed()) return;
    if (view) void setView(window.webContents, view);
    const anchor = options.trayBounds();
    const cursor = screen.getCursorScreenPoint();
    const near = anchor.width > 0 ? anchor : { ...cursor, width: 1, height: 1 };
    const workArea = screen.getDisplayNearestPoint({ x: near.x, y: near.y }).workArea;
    const bounds = window.getBounds();
    window.setPosition(...toPair(positionNearTray(near, bounds, workArea)));
    window.setSkipTaskbar(false);
    window.show();
    window.focus();
  };
  return {
    show,
    toggle: () => (window.isVisible() && window.isFocused() ? hide() : show()),
    webContents: () => (window.isDestroyed() ? null : window.webContents),
    dispose() {
      closing = true;
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

function toPair(point: { x: number; y: number }): [number, number] {
  return [point.x, point.y];
}

/** Tells the page which view to show through its hash (`#/preview`), which the renderer routes on. */
async function setView(contents: WebContents, view: DashboardView): Promise<void> {
  const hash = JSON.stringify(`#/${view}`);
  const script = `if (location.hash !== ${hash}) location.hash = ${hash};`;
  if (contents.isLoading())
    await new Promise<void>((resolve) => contents.once('did-finish-load', () => resolve()));
  await contents.executeJavaScript(script).catch(() => undefined);
}
