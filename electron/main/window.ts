/**
 * The dashboard window: created hidden at start-up (so it opens instantly), locked down (context isolation,
 * sandbox, CSP, no navigation, no new windows, no webviews, no permissions) and shown next to the tray.
 */
import { BrowserWindow, screen, session } from 'electron';
import { realpathSync } from 'node:fs';
import { APP_INDEX_URL, APP_SCHEME, serveAppAsset } from './app-protocol.js';
import type { NativeImage, Rectangle, Session, WebContents } from 'electron';
import { dashboardCsp } from './dashboard-csp.js';
import type { DashboardView, WindowPort } from './ports.js';
import { positionNearTray } from './window-position.js';
import { toggleAction } from './window-behaviour.js';
import { POPUP_SIZE, viewLayout } from './window-views.js';
import type { WindowBehaviour } from './window-behaviour.js';

export interface DashboardWindowOptions {
  /** Built preload (`out/preload/index.cjs`). */
  preloadPath: string;
  /** The built page's folder (`out/renderer`), served as `app://headroom/` unless `devServerUrl` is set. */
  rendererDir: string;
  devServerUrl: string | null;
  /** The tray icon's bounds; empty where the desktop does not report them (most Linux panels). */
  trayBounds(): Rectangle;
  icon?: NativeImage;
  behaviour: WindowBehaviour;
  /** macOS: brings the app to the front (`app.focus({ steal: true })`); used when `behaviour.stealFocus`. */
  focusApp(): void;
  /** Milliseconds, for the blur-then-click timing of the tray toggle on Windows. */
  now(): number;
}

export interface DashboardWindow extends WindowPort {
  webContents(): WebContents | null;
  /** The window itself, for dialogs that must stay in front of it (null once it is destroyed). */
  browserWindow(): BrowserWindow | null;
  /**
   * Where the tray icon cannot be shown (Linux without a StatusNotifier host): the window stays in the
   * taskbar, and closing it minimizes instead of hiding, so Headroom never disappears from view.
   */
  keepInTaskbar(): void;
  /** Windows: the session is ending (shutdown, restart, log-off); `before-quit` is not emitted then. */
  onSessionEnd(listener: () => void): void;
  /** Lets the window close for real (on quit) instead of hiding. */
  dispose(): void;
}

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
  const csp = dashboardCsp(options.devServerUrl !== null);
  lockDownSession(ses, csp);
  if (options.devServerUrl === null) {
    const rendererDir = realpathOr(options.rendererDir);
    ses.protocol.handle(APP_SCHEME, (request) => serveAppAsset(rendererDir, request, csp));
  }
  const window = new BrowserWindow({
    width: POPUP_SIZE.widthPx,
    height: POPUP_SIZE.heightPx,
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
  const { behaviour } = options;
  let closing = false;
  let inTaskbarOnly = false;
  let lastBlurMs: number | null = null;
  window.on('blur', () => (lastBlurMs = options.now()));
  window.on('close', (event) => {
    if (closing) return;
    event.preventDefault(); // closing the dashboard hides it; the tray keeps running
    hide();
  });
  if (options.devServerUrl !== null) void window.loadURL(options.devServerUrl);
  else void window.loadURL(APP_INDEX_URL);

  const hide = () => {
    if (inTaskbarOnly) {
      window.minimize();
      return;
    }
    window.hide();
    window.setSkipTaskbar(true);
  };
  const show = (view: DashboardView = 'tray') => {
    if (window.isDestroyed()) return;
    void setView(window.webContents, view);
    applyLayout(view);
    window.setSkipTaskbar(false);
    if (window.isMinimized()) window.restore();
    window.show();
    if (behaviour.stealFocus) options.focusApp();
    window.focus();
  };
  const trayAnchor = () => {
    const anchor = options.trayBounds();
    const cursor = screen.getCursorScreenPoint();
    return anchor.width > 0 ? anchor : { ...cursor, width: 1, height: 1 };
  };
  /** The popup's size beside the tray, or the full dashboard's, centred; moved only when it changes or was hidden. */
  const applyLayout = (view: DashboardView) => {
    const near = trayAnchor();
    const workArea = screen.getDisplayNearestPoint({ x: near.x, y: near.y }).workArea;
    const layout = viewLayout(view, workArea);
    const [width, height] = window.getSize();
    const resized = width !== layout.widthPx || height !== layout.heightPx;
    if (resized) window.setSize(layout.widthPx, layout.heightPx);
    if (!resized && window.isVisible()) return;
    if (!layout.besideTray) window.center();
    else if (behaviour.position)
      window.setPosition(...toPair(positionNearTray(near, window.getBounds(), workArea)));
  };
  return {
    show,
    toggle() {
      if (window.isDestroyed()) return;
      const state = {
        visible: window.isVisible() && !window.isMinimized(),
        focused: window.isFocused(),
        lastBlurMs,
        nowMs: options.now(),
      };
      if (toggleAction(state, behaviour) === 'hide') hide();
      else show('tray');
    },
    onSessionEnd: (listener) => void window.on('session-end', () => listener()),
    keepInTaskbar() {
      inTaskbarOnly = true;
      window.setSkipTaskbar(false);
    },
    webContents: () => (window.isDestroyed() ? null : window.webContents),
    browserWindow: () => (window.isDestroyed() ? null : window),
    dispose() {
      closing = true;
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

/** The real path (app-protocol.ts compares real paths); a folder that is missing serves nothing either way. */
function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function toPair(point: { x: number; y: number }): [number, number] {
  return [point.x, point.y];
}

/** Tells the page which view to show through its hash (`#/tray`, `#/preview`), which the renderer routes on. */
async function setView(contents: WebContents, view: DashboardView): Promise<void> {
  const hash = JSON.stringify(viewLayout(view, { width: 0, height: 0 }).hash);
  const script = `if (location.hash !== ${hash}) location.hash = ${hash};`;
  if (contents.isLoading())
    await new Promise<void>((resolve) => contents.once('did-finish-load', () => resolve()));
  await contents.executeJavaScript(script).catch(() => undefined);
}
