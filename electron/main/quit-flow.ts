/**
 * How the app stops: every disposer (engine included, which lets a removal in progress finish its file and
 * records the run) runs before the process ends, however the end comes.
 * - Quit from the tray (`before-quit`): the quit waits for the disposers, then quits for real.
 * - Linux shutdown (powerMonitor `shutdown`, a logind delay lock): the same, holding the shutdown meanwhile.
 * - macOS logout, restart or shutdown (powerMonitor `shutdown` first): never `preventDefault` in
 *   `before-quit`, which would cancel the OS's termination; the disposers start and the OS ends the app.
 * - Windows end of session (`session-end`; `before-quit` is not emitted): the disposers start at once,
 *   best effort, since Windows ends the process when the handler returns.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

/** The events of Electron's `app` and `powerMonitor` the flow uses; tests pass emitters. */
export interface QuitPorts {
  platform: NodeJS.Platform;
  onBeforeQuit(listener: (event: PreventableEvent) => void): void;
  /** Windows only. */
  onSessionEnd(listener: () => void): void;
  /**
   * Linux and macOS. Electron passes an event with `preventDefault` (its typings omit it), which on Linux
   * holds the shutdown with a logind delay lock until the app quits.
   */
  onShutdown(listener: (event?: PreventableEvent) => void): void;
  quit(): void;
}

export function installQuitFlow(ports: QuitPorts, disposeAll: () => Promise<void>): void {
  let disposing: Promise<void> | null = null;
  let quitting = false;
  let osEnding = false;
  const dispose = () => (disposing ??= disposeAll().catch(() => undefined));

  ports.onBeforeQuit((event) => {
    if (osEnding || quitting) {
      void dispose();
      return;
    }
    quitting = true;
    event.preventDefault();
    void dispose().finally(() => ports.quit());
  });
  if (ports.platform === 'win32') ports.onSessionEnd(() => void dispose());
  if (ports.platform === 'win32') return;
  ports.onShutdown((event) => {
    if (ports.platform === 'darwin') {
      osEnding = true;
      void dispose();
      return;
    }
    event?.preventDefault(); // Electron holds the shutdown (logind delay lock) until the app quits
    ports.quit();
  });
}
