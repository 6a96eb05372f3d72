import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTOSTART_FILE_NAME, createLinuxAutostart } from '../../../electron/main/linux-autostart.js';

let configHome: string;
beforeEach(async () => {
  configHome = await mkdtemp(join(tmpdir(), 'headroom-autostart-'));
});
afterEach(async () => {
  await rm(configHome, { recursive: true, force: true });
});

describe('createLinuxAutostart', () => {
  it('writes an XDG autostart entry to start at login and removes it to stop', async () => {
    const login = createLinuxAutostart({ configHome, command: '/opt/My Apps/Headroom.AppImage' });
    expect(login.get()).toBe(false);
    login.set(true);
    expect(login.get()).toBe(true);
    const entry = await readFile(join(configHome, 'autostart', AUTOSTART_FILE_NAME), 'utf8');
    expect(entry.split('\n')).toContain('Exec="/opt/My Apps/Headroom.AppImage"');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    login.set(false);
    expect(login.get()).toBe(false);
    expect(() => login.set(false)).not.toThrow();
  });

  it('starts the app with --hidden at login, so only the tray shows', async () => {
    const login = createLinuxAutostart({ configHome, command: '/usr/bin/headroom-tray', args: ['--hidden'] });
    login.set(true);
    const entry = await readFile(join(configHome, 'autostart', AUTOSTART_FILE_NAME), 'utf8');
    expect(entry.split('\n')).toContain('Exec=/usr/bin/headroom-tray --hidden');
  });
});
