/**
 * A fake of the `electron` module for the composition-root test: records what the app asks of Electron.
 * (The real module cannot load in Node: its index downloads a binary.)
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export function createFakeElectron(options: { gotLock?: boolean } = {}) {
  const record = {
    quit: 0,
    errorBoxes: [] as [string, string][],
    handlers: new Map<string, Handler>(),
    windows: [] as FakeBrowserWindow[],
    trays: [] as FakeTray[],
    partitions: [] as FakeSession[],
  };

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: Handler | null = null;
    setWindowOpenHandler(fn: Handler) {
      this.windowOpenHandler = fn;
    }
    isDestroyed = () => false;
    isLoading = () => false;
    send = () => undefined;
    executeJavaScript = async () => undefined;
  }
  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    destroyed = false;
    visible = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      record.windows.push(this);
    }
    loadFile = async () => undefined;
    loadURL = async () => undefined;
    isDestroyed = () => this.destroyed;
    destroy = () => void (this.destroyed = true);
    isVisible = () => this.visible;
    isFocused = () => this.visible;
    show = () => void (this.visible = true);
    hide = () => void (this.visible = false);
    focus = () => undefined;
    setSkipTaskbar = () => undefined;
    getBounds = () => ({ x: 0, y: 0, width: 480, height: 680 });
    setPosition = () => undefined;
  }
  class FakeTray extends EventEmitter {
    tooltip = '';
    menu: unknown = null;
    destroyed = false;
    constructor() {
      super();
      record.trays.push(this);
    }
    setImage = () => undefined;
    setToolTip = (text: string) => void (this.tooltip = text);
    setContextMenu = (menu: unknown) => void (this.menu = menu);
    popUpContextMenu = () => undefined;
    getBounds = () => ({ x: 0, y: 0, width: 0, height: 0 });
    destroy = () => void (this.destroyed = true);
  }
  class FakeSession {
    permissionRequest: Handler | null = null;
    permissionCheck: Handler | null = null;
    headers: Handler | null = null;
    setPermissionRequestHandler = (fn: Handler) => void (this.permissionRequest = fn);
    setPermissionCheckHandler = (fn: Handler) => void (this.permissionCheck = fn);
    webRequest = { onHeadersReceived: (fn: Handler) => void (this.headers = fn) };
  }
  class FakeNotification extends EventEmitter {
    static isSupported = () => true;
    show = () => undefined;
  }
  const image = () => ({ addRepresentation: () => undefined, setTemplateImage: () => undefined });

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    dock: undefined,
    paths: new Map<string, string>([['userData', '/nonexistent/headroom-user-data']]),
    getPath: (name: string) => app.paths.get(name) ?? `/nonexistent/${name}`,
    setPath: (name: string, value: string) => void app.paths.set(name, value),
    requestSingleInstanceLock: () => options.gotLock ?? true,
    whenReady: () => Promise.resolve(),
    quit: () => {
      record.quit++;
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      app.emit('before-quit', event);
    },
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: () => undefined,
  });

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    nativeImage: { createEmpty: image, createFromBuffer: image },
    dialog: { showErrorBox: (title: string, body: string) => void record.errorBoxes.push([title, body]) },
    ipcMain: {
      handle: (channel: string, fn: Handler) => void record.handlers.set(channel, fn),
      removeHandler: (channel: string) => void record.handlers.delete(channel),
    },
    shell: { trashItem: async () => undefined, openPath: async () => '' },
    screen: {
      getCursorScreenPoint: () => ({ x: 10, y: 10 }),
      getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    session: {
      fromPartition: () => {
        const ses = new FakeSession();
        record.partitions.push(ses);
        return ses;
      },
    },
  };
  return { module, record };
}
