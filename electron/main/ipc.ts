/**
 * The bridge host in Electron: one `ipcMain.handle` per request name of the shared contract, and the engine's
 * events forwarded to the dashboard window. The decisions live in bridge-host.ts.
 */
import type { IpcMain, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel, REQUEST_NAMES } from '../../shared/bridge.js';
import type { HeadroomApi } from '../../shared/bridge.js';
import type { Engine } from '../engine/runtime/engine-types.js';
import type { Disposer } from '../engine/ports.js';
import { forwardEngineEvents, handleBridgeRequest } from './bridge-host.js';
import type { RendererOrigin } from './bridge-host.js';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  engine: HeadroomApi & Pick<Engine, 'on'>;
  origin: RendererOrigin;
  /** The dashboard's contents, or null while it has no window. */
  webContents(): Pick<WebContents, 'send' | 'isDestroyed'> | null;
}

/** Registers every handler and the event forwarding; the disposer removes them all. */
export function setupIpc(deps: IpcDeps): Disposer {
  for (const name of REQUEST_NAMES) {
    deps.ipcMain.handle(ipcChannel(name), (event, payload: unknown) =>
      handleBridgeRequest(deps.engine, name, event.senderFrame?.url, payload, deps.origin),
    );
  }
  const stopForwarding = forwardEngineEvents(deps.engine, (message) => {
    const contents = deps.webContents();
    if (contents !== null && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, message);
  });
  return () => {
    stopForwarding();
    for (const name of REQUEST_NAMES) deps.ipcMain.removeHandler(ipcChannel(name));
  };
}
