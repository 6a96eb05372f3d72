/**
 * The preload: exposes exactly the bridge API as `window.headroom` (built as CommonJS for the sandbox).
 * Functions only; `ipcRenderer` itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridgeApi } from './create-bridge-api.js';

const api = createBridgeApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  on(channel, listener) {
    const handler = (_event: Electron.IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});

contextBridge.exposeInMainWorld('headroom', api);
