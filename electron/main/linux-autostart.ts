/**
 * "Start at login" on Linux, where Electron's setLoginItemSettings does nothing: an XDG autostart entry
 * (https://specifications.freedesktop.org/autostart-spec/) in `$XDG_CONFIG_HOME/autostart`.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoginItemPort } from './ports.js';

export interface LinuxAutostartOptions {
  /** `$XDG_CONFIG_HOME`, or `~/.config`. */
  configHome: string;
  /** What to run: the AppImage (`$APPIMAGE`) when there is one, else the executable. */
  command: string;
  /** Arguments after the command (`--hidden`: tray only at login). */
  args?: string[];
}

export const AUTOSTART_FILE_NAME = 'headroom.desktop';

/** Quotes an Exec argument as the Desktop Entry spec asks. */
function quoteExec(arg: string): string {
  return /[\s"'\\$`]/.test(arg) ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg;
}

export function createLinuxAutostart(options: LinuxAutostartOptions): LoginItemPort {
  const dir = join(options.configHome, 'autostart');
  const file = join(dir, AUTOSTART_FILE_NAME);
  return {
    get: () => existsSync(file),
    set(openAtLogin) {
      if (!openAtLogin) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(dir, { recursive: true });
      const entry = [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Headroom',
        'Comment=Keeps AI output folders inside their limits',
        `Exec=${[options.command, ...(options.args ?? [])].map(quoteExec).join(' ')}`,
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n');
      writeFileSync(file, entry);
    },
  };
}
