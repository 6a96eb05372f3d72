/**
 * Whether a Linux desktop can show the tray icon at all. Electron's tray is a StatusNotifierItem, shown only
 * where a StatusNotifierWatcher with a host runs (KDE, Xfce, Cinnamon, GNOME with the AppIndicator
 * extension); stock GNOME has none, and Electron cannot tell the app (electron/electron#10427). The session
 * bus answers: asked with `gdbus` (GLib's, installed with every GNOME and most other desktops).
 */

/** Runs a program; resolves to its stdout, or null when it cannot run or fails. */
export type RunCommand = (file: string, args: string[]) => Promise<string | null>;

export type TrayHostState = 'present' | 'absent' | 'unknown';

const WATCHER = 'org.kde.StatusNotifierWatcher';

/** `present` when the watcher runs and reports a registered host; `unknown` when the bus cannot be asked. */
export async function probeStatusNotifierHost(run: RunCommand): Promise<TrayHostState> {
  const owner = await run('gdbus', [
    'call',
    '--session',
    '--dest',
    'org.freedesktop.DBus',
    '--object-path',
    '/org/freedesktop/DBus',
    '--method',
    'org.freedesktop.DBus.NameHasOwner',
    WATCHER,
  ]);
  if (owner === null) return 'unknown';
  if (!/\btrue\b/.test(owner)) return 'absent';
  const host = await watcherProperty(run, 'IsStatusNotifierHostRegistered');
  if (host === null) return 'unknown';
  return /\btrue\b/.test(host) ? 'present' : 'absent';
}

export interface WaitForHostOptions {
  run: RunCommand;
  /** Waits between probes (a login item may start before the panel's tray host). */
  sleep: (ms: number) => Promise<void>;
  attempts: number;
  intervalMs: number;
}

/** Probes until a host is present or the attempts are used up; `unknown` is not retried (no bus to ask). */
export async function waitForStatusNotifierHost(options: WaitForHostOptions): Promise<TrayHostState> {
  let state: TrayHostState = 'unknown';
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    state = await probeStatusNotifierHost(options.run);
    if (state !== 'absent') return state;
    if (attempt + 1 < options.attempts) await options.sleep(options.intervalMs);
  }
  return state;
}

/**
 * Whether this process's own StatusNotifierItem is among the watcher's registered items. A host may run and
 * still refuse the item (Electron 43.3+/44 registration regressions, electron/electron#53213): then no icon
 * shows although `probeStatusNotifierHost` says `present`. Items are listed as `<bus name>/<path>`; the bus
 * name's owner pid is asked of the bus. `unknown` when the bus cannot be asked.
 */
export async function ownItemRegistered(run: RunCommand, pid: number): Promise<boolean | 'unknown'> {
  const listed = await watcherProperty(run, 'RegisteredStatusNotifierItems');
  if (listed === null) return 'unknown';
  const names = [...listed.matchAll(/'([^'/]+)(?:\/[^']*)?'/g)].map((match) => match[1]!);
  for (const name of new Set(names)) {
    const owner = await run('gdbus', [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      name,
    ]);
    if (owner !== null && new RegExp(`\\b${pid}\\b`).test(owner)) return true;
  }
  return false;
}

/** A property of the session bus's StatusNotifierWatcher, as gdbus prints it; null when it cannot be asked. */
function watcherProperty(run: RunCommand, property: string): ReturnType<RunCommand> {
  return run('gdbus', [
    'call',
    '--session',
    '--dest',
    WATCHER,
    '--object-path',
    '/StatusNotifierWatcher',
    '--method',
    'org.freedesktop.DBus.Properties.Get',
    WATCHER,
    property,
  ]);
}
