/**
 * The bridge's request names, event names and IPC channels without importing zod. The sandboxed preload
 * cannot load npm packages at run time and electron-vite leaves `dependencies` external, so the preload
 * imports this file instead of `bridge.ts`. It imports nothing: bridge.ts checks, at compile time, that
 * these lists hold exactly its requests and events (BRIDGE_NAMES_COMPLETE), so the arrow runs one way.
 */

export const BRIDGE_REQUEST_NAMES = [
  'getSnapshot',
  'previewCleanup',
  'runCleanup',
  'cancelCleanup',
  'getHistory',
  'getConfig',
  'checkConfigImpact',
  'updateConfig',
  'holdPendingRules',
  'pauseSchedule',
  'stopSchedule',
  'createFolder',
  'pickFolder',
  'detectFolders',
  'addDetectedFolders',
  'getUsageHistory',
  'getSpaceBreakdown',
  'showInFolder',
  'openDashboard',
] as const;

export const BRIDGE_EVENT_NAMES = [
  'snapshot',
  'warning',
  'cleanupStarted',
  'cleanupProgress',
  'cleanupFinished',
  'configError',
] as const;

/** A request's name, as listed here (bridge.ts's RequestName is the same set). */
export type BridgeRequestName = (typeof BRIDGE_REQUEST_NAMES)[number];

/** Same as `ipcChannel` in bridge.ts. */
export const bridgeIpcChannel = (name: BridgeRequestName): string => `headroom:${name}`;
/** Same as `IPC_EVENT_CHANNEL` in bridge.ts. */
export const BRIDGE_IPC_EVENT_CHANNEL = 'headroom:event';
