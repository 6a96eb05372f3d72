import type { StateCreator } from 'zustand';
import type { BridgeErrorCode, ConfigView } from '../../../shared/bridge.js';
import type { ConfigIssue } from '../../../shared/types.js';
import type { DashboardState } from './dashboard-store.js';
import type { LoadStatus } from './history-slice.js';

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'error';
  /** The server's error code when status is 'error' (e.g. config-invalid, config-readonly). */
  code: BridgeErrorCode | null;
  message: string | null;
  /** The engine's configuration issues behind a `config-invalid`, for the form to show at their fields. */
  issues: ConfigIssue[];
}

export interface ConfigSlice {
  config: ConfigView | null;
  configStatus: LoadStatus;
  configLoadError: string | null;
  save: SaveState;
  setConfigLoading: () => void;
  setConfig: (config: ConfigView) => void;
  setConfigLoadError: (message: string) => void;
  setSaving: () => void;
  setSaved: (config: ConfigView) => void;
  setSaveError: (code: BridgeErrorCode, message: string, issues?: ConfigIssue[]) => void;
}

const IDLE_SAVE: SaveState = { status: 'idle', code: null, message: null, issues: [] };

export const createConfigSlice: StateCreator<DashboardState, [], [], ConfigSlice> = (set) => ({
  config: null,
  configStatus: 'idle',
  configLoadError: null,
  save: IDLE_SAVE,
  setConfigLoading: () => set({ configStatus: 'loading', configLoadError: null }),
  setConfig: (config) => set({ config, configStatus: 'ready', configLoadError: null }),
  setConfigLoadError: (configLoadError) => set({ configStatus: 'error', configLoadError }),
  setSaving: () => set({ save: { ...IDLE_SAVE, status: 'saving' } }),
  setSaved: (config) => set({ config, configStatus: 'ready', save: { ...IDLE_SAVE, status: 'saved' } }),
  setSaveError: (code, message, issues = []) => set({ save: { status: 'error', code, message, issues } }),
});
