/** The ports of ports.ts, implemented with Electron. Thin on purpose: every decision lives in the controllers. */
import { app, Menu, nativeImage, Notification, shell } from 'electron';
import type { MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { HIDDEN_FLAG } from './launch-mode.js';
import { createLinuxAutostart } from './linux-autostart.js';
import { encodeIco } from './tray/encode-ico.js';
import { encodePng } from './tray/encode-png.js';
import { renderAppIcon } from './tray/render-app-icon.js';
import type { AppPort, LoginItemPort, NotifierPort, ShellPort, TrayPort } from './ports.js';

/**
 * @param iconDir where Windows' tray image is written as an .ico file (see encode-ico.ts); unused elsewhere.
 */
export function createTrayPort(tray: Tray, platform: NodeJS.Platform, iconDir: string): TrayPort {
  let menu: Menu | null = null;
  // On macOS a context menu set on the tray also opens on left click, which must toggle the dashboard.
  if (platform === 'darwin') tray.on('right-click', () => menu && tray.popUpContextMenu(menu));
  return {
    setImage(representations, template) {
      if (platform === 'win32') {
        const file = join(iconDir, 'tray-icon.ico');
        mkdirSync(iconDir, { recursive: true });
        writeFileSync(file, encodeIco(representations));
        tray.setImage(nativeImage.createFromPath(file));
        return;
      }
      const image = nativeImage.createEmpty();
      for (const r of representations) {
        const width = Math.round(r.widthPx / r.scale);
        image.addRepresentation({ scaleFactor: r.scale, width, height: width, buffer: r.png });
      }
      image.setTemplateImage(template);
      tray.setImage(image);
    },
    setToolTip: (text) => tray.setToolTip(text),
    setContextMenu(template) {
      menu = Menu.buildFromTemplate(template satisfies MenuItemConstructorOptions[]);
      if (platform !== 'darwin') tray.setContextMenu(menu);
    },
    onClick(listener) {
      tray.on('click', listener);
      return () => tray.off('click', listener);
    },
  };
}

/** The app icon for windows and notifications, drawn by the same code as build/icon.png (not packaged). */
export function appIconImage(sizePx = 256): NativeImage {
  return nativeImage.createFromBuffer(encodePng(renderAppIcon(sizePx)));
}

export function createNotifierPort(icon?: NativeImage): NotifierPort {
  // Electron drops the click handler of a notification that was garbage-collected: keep each until it is done.
  const alive = new Set<Notification>();
  return {
    isSupported: () => Notification.isSupported(),
    show({ title, body, onClick }) {
      const notification = new Notification({ title, body, ...(icon ? { icon } : {}) });
      alive.add(notification);
      notification.on('click', () => onClick?.());
      notification.on('close', () => alive.delete(notification));
      notification.show();
    },
  };
}

export const shellPort: ShellPort = { openPath: (path) => shell.openPath(path) };

export const appPort: AppPort = { quit: () => app.quit() };

/** macOS and Windows keep login items themselves; Linux desktops read XDG autostart entries. */
/**
 * The login item starts the app with `--hidden` (tray only). Windows writes the Run value under the
 * AppUserModelID's name (the uninstaller removes it: build/installer.nsh); macOS 13+ login items take no
 * arguments, and the app asks `wasOpenedAtLogin` instead.
 */
export function createLoginItemPort(platform: NodeJS.Platform): LoginItemPort {
  if (platform === 'linux') {
    return createLinuxAutostart({
      configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
      command: process.env.APPIMAGE || process.execPath,
      args: [HIDDEN_FLAG],
    });
  }
  const args = platform === 'win32' ? [HIDDEN_FLAG] : [];
  return {
    get: () => app.getLoginItemSettings({ args }).openAtLogin,
    set: (openAtLogin) => app.setLoginItemSettings({ openAtLogin, args }),
  };
}
