/**
 * A fake of the `electron` module for the composition-root test: records what the app asks of Electron.
 * (The real module cannot load in Node: its index downloads a binary.)
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

type Handler = (...args: unknown[]) => unknown;

export function createFakeElectron(options: { gotLock?: boolean; wasOpenedAtLogin?: boolean } = {}) {
  const record = {
    quit: 0,
    appUserModelId: null as string | null,
    applicationMenu: 'default' as unknown,
    focusSteals: 0,
    /** What every before-quit listener did with its event, in order. */
    beforeQuit: [] as { defaultPrevented: boolean }[],
    positions: [] as [number, number][],
    /** Each size a window was given (setSize), and how often one was centred. */
    sizes: [] as [number, number][],
    centred: 0,
    trayImagePaths: [] as string[],
    privilegedSchemes: [] as unknown[],
    errorBoxes: [] as [string, string][],
    handlers: new Map<string, Handler>(),
    windows: [] as FakeBrowserWindow[],
    trays: [] as FakeTray[],
    partitions: [] as FakeSession[],
    /** Each page a window loaded, with how many IPC handlers were registered at that moment. */
    loads: [] as { url: string; handlersAtLoad: number }[],
    notifications: [] as { title: string; body: string }[],
    /** Paths given to shell.showItemInFolder. */
    shownInFolder: [] as string[],
    /** Options given to dialog.showOpenDialog; the fake answers with `pickedFolder` (or a cancel). */
    openDialogs: [] as unknown[],
    /** The window each of those dialogs was modal to (null: none, so it could fall behind the dashboard). */
    openDialogParents: [] as unknown[],
    pickedFolder: null as string | null,
  };

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: Handler | null = null;
    setWindowOpenHandler(fn: Handler) {
      this.windowOpenHandler = fn;
    }
    isDestroyed = () => false;
    isLoading = () => false;
    send = () => undefined;
    /** Each script the main process ran in the page (window.ts sets the view's hash this way). */
    scripts: string[] = [];
    executeJavaScript = async (script: string) => void this.scripts.push(script);
  }
  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    destroyed = false;
    visible = false;
    focused = false;
    minimized = false;
    skipTaskbar = true;
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.size = [Number(options.width ?? 800), Number(options.height ?? 600)];
      record.windows.push(this);
    }
    loadFile = async (path: string) =>
      void record.loads.push({ url: pathToFileURL(path).href, handlersAtLoad: record.handlers.size });
    loadURL = async (url: string) => void record.loads.push({ url, handlersAtLoad: record.handlers.size });
    isDestroyed = () => this.destroyed;
    destroy = () => void (this.destroyed = true);
    isVisible = () => this.visible;
    isFocused = () => this.focused;
    isMinimized = () => this.minimized;
    show = () => void (this.visible = true);
    hide = () => void ((this.visible = false), (this.focused = false));
    minimize = () => void ((this.minimized = true), (this.focused = false));
    restore = () => void (this.minimized = false);
    focus = () => void (this.focused = this.visible);
    /** The OS moved focus elsewhere (the taskbar, on a tray click on Windows). */
    loseFocus = () => {
      this.focused = false;
      this.emit('blur');
    };
    setSkipTaskbar = (skip: boolean) => void (this.skipTaskbar = skip);
    size: [number, number];
    getBounds = () => ({ x: 0, y: 0, width: this.size[0], height: this.size[1] });
    getSize = () => [...this.size];
    setSize = (width: number, height: number) => {
      this.size = [width, height];
      record.sizes.push([width, height]);
    };
    center = () => void record.centred++;
    setPosition = (x: number, y: number) => void record.positions.push([x, y]);
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
    protocols = new Map<string, Handler>();
    protocol = { handle: (scheme: string, fn: Handler) => void this.protocols.set(scheme, fn) };
  }
  class FakeNotification extends EventEmitter {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {
      super();
    }
    show = () => void record.notifications.push({ title: this.options.title, body: this.options.body });
  }
  const image = () => ({ addRepresentation: () => undefined, setTemplateImage: () => undefined });
  const imageFromPath = (path: string) => (record.trayImagePaths.push(path), image());

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
      record.beforeQuit.push({ defaultPrevented: event.defaultPrevented });
    },
    setAppUserModelId: (id: string) => void (record.appUserModelId = id),
    focus: (focusOptions?: { steal?: boolean }) => void (focusOptions?.steal && record.focusSteals++),
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: options.wasOpenedAtLogin ?? false }),
    setLoginItemSettings: () => undefined,
  });
  const powerMonitor = new EventEmitter();

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => void (record.applicationMenu = menu),
    },
    nativeImage: { createEmpty: image, createFromBuffer: image, createFromPath: imageFromPath },
    powerMonitor,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.privilegedSchemes.push(...schemes),
    },
    dialog: {
      showErrorBox: (title: string, body: string) => void record.errorBoxes.push([title, body]),
      // Electron's two forms: (options) and (parentWindow, options).
      showOpenDialog: async (...args: unknown[]) => {
        record.openDialogParents.push(args.length > 1 ? args[0] : null);
        record.openDialogs.push(args[args.length - 1]);
        const path = record.pickedFolder;
        return { canceled: path === null, filePaths: path === null ? [] : [path] };
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Handler) => void record.handlers.set(channel, fn),
      removeHandler: (channel: string) => void record.handlers.delete(channel),
    },
    shell: {
      trashItem: async () => undefined,
      openPath: async () => '',
      showItemInFolder: (path: string) => void record.shownInFolder.push(path),
    },
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
