/**
 * The bridge's request names, event names and IPC channels without importing zod. The sandboxed preload
 * cannot load npm packages at run time and electron-vite leaves `dependencies` external, so the preload
 * imports this file instead of `bridge.ts`. tests/unit/main/bridge-names.test.ts checks both agree.
 */
import type { EventName, RequestName } from './bridge.js';

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
  'detectFolders',
  'addDetectedFolders',
  'getUsageHistory',
  'getSpaceBreakdown',
  'showInFolder',
  'openDashboard',
] as const satisfies readonly RequestName[];

export const BRIDGE_EVENT_NAMES = [
  'snapshot',
  'warning',
  'cleanupStarted',
  'cleanupProgress',
  'cleanupFinished',
  'configError',
] as const satisfies readonly EventName[];

/** Fails to compile when bridge.ts gains a request or event that these lists lack. */
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const BRIDGE_NAMES_COMPLETE: Missing<RequestName, (typeof BRIDGE_REQUEST_NAMES)[number]> &
  Missing<EventName, (typeof BRIDGE_EVENT_NAMES)[number]> = true;

/** Same as `ipcChannel` in bridge.ts. */
export const bridgeIpcChannel = (name: RequestName): string => `headroom:${name}`;
/** Same as `IPC_EVENT_CHANNEL` in bridge.ts. */
export const BRIDGE_IPC_EVENT_CHANNEL = 'headroom:event';
