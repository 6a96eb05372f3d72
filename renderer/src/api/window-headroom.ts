/** `window.headroom`, which the Electron preload exposes with exactly the bridge API. */
import type { HeadroomBridge } from '../../../shared/bridge.js';

declare global {
  interface Window {
    /** Present only inside the Electron app; a browser reaches the engine over HTTP instead. */
    headroom?: HeadroomBridge;
  }
}

export {};
