/**
 * The Electron host's ports: the few things the tray, notification and window controllers need from
 * Electron, as small interfaces. `electron-ports.ts` implements them with Electron; tests pass fakes.
 */
import type { Disposer } from '../engine/ports.js';

/**
 * A menu item as plain data: what Electron's `Menu.buildFromTemplate` takes, minus everything the tray does
 * not use, so tests assert on menus without Electron.
 */
export interface MenuItemSpec {
  /** Stable handle for tests and for finding an item again (`clean-now`, `pause-1h`…). */
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox';
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

/** One resolution of an icon; the tray picks the one matching the display's scale factor. */
export interface IconRepresentation {
  scale: number;
  widthPx: number;
  heightPx: number;
  png: Buffer;
}

export interface TrayPort {
  setImage(representations: IconRepresentation[], template: boolean): void;
  setToolTip(text: string): void;
  setContextMenu(template: MenuItemSpec[]): void;
  onClick(listener: () => void): Disposer;
}

/**
 * Which view of the dashboard to show; the renderer reads it from the URL hash (`#/tray`, `#/preview`).
 * `tray` is the small popup beside the tray icon; the others are the full dashboard (window-views.ts).
 */
export type DashboardView = 'tray' | 'overview' | 'preview';

export interface WindowPort {
  /** Shows the tray popup next to the tray, or hides the window when it is already visible. */
  toggle(): void;
  /** Shows `view` (the tray popup when none is given). */
  show(view?: DashboardView): void;
}

export interface NotificationSpec {
  title: string;
  body: string;
  onClick?: () => void;
}

export interface NotifierPort {
  /** False where the desktop has no notification service; the controller then stays quiet. */
  isSupported(): boolean;
  show(notification: NotificationSpec): void;
}

export interface ShellPort {
  /** Opens a file or folder with the system's default application; resolves to an error message or ''. */
  openPath(path: string): Promise<string>;
}

export interface LoginItemPort {
  get(): boolean;
  set(openAtLogin: boolean): void;
}

export interface AppPort {
  quit(): void;
}
