/**
 * A fake bridge client: the port between the renderer and the engine. Requests are vi.fn()s answering
 * with the given results; `emit` pushes an event as the engine would; `setConnection` plays the transport.
 */
import { vi } from 'vitest';
import type {
  BridgeResult,
  EventName,
  EventPayloads,
  RequestName,
  RequestResults,
} from '../../shared/bridge.js';
import type { BridgeClient, ConnectionState } from '../../renderer/src/api/bridge-client-types.js';
import { configView, runRecord, snapshot } from './fixtures.js';

type Answers = { [N in RequestName]: BridgeResult<RequestResults[N]> };

export function defaultAnswers(): Answers {
  return {
    getSnapshot: { ok: true, value: snapshot() },
    // One old file in outputs: a cleanup has something to ask about (an empty preview says so instead).
    previewCleanup: {
      ok: true,
      value: {
        createdAtMs: 0,
        folders: [
          {
            name: 'outputs',
            remove: [{ path: 'old.wav', sizeBytes: 1024 ** 2, mtimeMs: 0, reason: 'age' }],
            bytesToFree: 1024 ** 2,
            files: 1,
            filesOmitted: 0,
            overLimitAfter: false,
            notes: [],
            error: null,
          },
        ],
      },
    },
    runCleanup: { ok: true, value: runRecord() },
    cancelCleanup: { ok: true, value: { cancelled: true } },
    getHistory: { ok: true, value: { runs: [runRecord()], damagedLines: 0 } },
    getConfig: { ok: true, value: configView() },
    checkConfigImpact: {
      ok: true,
      value: { computedAtMs: 0, files: 0, bytes: 0, folders: [], token: null },
    },
    updateConfig: { ok: true, value: configView({ text: 'saved\n' }) },
    holdPendingRules: { ok: true, value: null },
    pauseSchedule: { ok: true, value: snapshot().schedule },
    stopSchedule: { ok: true, value: { ...snapshot().schedule, stopped: true, nextRunAt: null } },
    createFolder: { ok: true, value: configView() },
    detectFolders: {
      ok: true,
      value: {
        proposals: [],
        passedOver: [],
        yaml: '',
        firstRun: false,
        samples: [],
        canAdd: true,
        readOnlyReason: null,
      },
    },
    addDetectedFolders: { ok: true, value: { added: [], file: '/config.yaml' } },
    getUsageHistory: { ok: true, value: { folders: [], freedDays: 30 } },
    getSpaceBreakdown: {
      ok: true,
      value: {
        folder: 'outputs',
        sizeBytes: 0,
        fileCount: 0,
        subfolders: [],
        types: [],
        biggest: [],
        oldest: [],
      },
    },
    showInFolder: { ok: true, value: { shown: true } },
    // As the engine (and so serve) answers: no window to open; the page shows its full view itself.
    pickFolder: { ok: true, value: { picked: null } },
    openDashboard: { ok: true, value: { opened: false } },
  };
}

export function createFakeBridge(overrides: Partial<Answers> = {}, initial: ConnectionState = 'connected') {
  const answers = { ...defaultAnswers(), ...overrides };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection = initial;
  const request = <N extends RequestName>(name: N) => vi.fn(async (_input?: unknown) => answers[name]);
  const client = {
    getSnapshot: request('getSnapshot'),
    previewCleanup: request('previewCleanup'),
    runCleanup: request('runCleanup'),
    cancelCleanup: request('cancelCleanup'),
    getHistory: request('getHistory'),
    getConfig: request('getConfig'),
    checkConfigImpact: request('checkConfigImpact'),
    updateConfig: request('updateConfig'),
    holdPendingRules: request('holdPendingRules'),
    pauseSchedule: request('pauseSchedule'),
    stopSchedule: request('stopSchedule'),
    createFolder: request('createFolder'),
    detectFolders: request('detectFolders'),
    addDetectedFolders: request('addDetectedFolders'),
    getUsageHistory: request('getUsageHistory'),
    getSpaceBreakdown: request('getSpaceBreakdown'),
    showInFolder: request('showInFolder'),
    pickFolder: request('pickFolder'),
    openDashboard: request('openDashboard'),
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    transport: 'http' as const,
    connectionState: () => connection,
    onConnectionChange: (listener: (state: ConnectionState) => void) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    dispose: () => {},
  };
  return {
    client: client as unknown as BridgeClient,
    calls: client,
    /** What each request answers; a test may change one between clicks. */
    answers,
    emit<E extends EventName>(event: E, payload: EventPayloads[E]) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    setConnection(state: ConnectionState) {
      connection = state;
      for (const listener of connectionListeners) listener(state);
    },
  };
}
