import type { StateCreator } from 'zustand';
import type { BridgeErrorCode, ConfigView } from '../../../shared/bridge.js';
import type { DashboardState } from './dashboard-store.js';
import type { LoadStatus } from './history-slice.js';

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'error';
  /** The server's error code when status is 'error' (e.g. config-invalid, config-readonly). */
  code: BridgeErrorCode | null;
  message: string | null;
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
  setSaveError: (code: BridgeErrorCode, message: string) => void;
}

const IDLE_SAVE: SaveState = { status: 'idle', code: null, message: null };

export const createConfigSlice: StateCreator<DashboardState, [], [], ConfigSlice> = (set) => ({
  config: null,
  configStatus: 'idle',
  configLoadError: null,
  save: IDLE_SAVE,
  setConfigLoading: () => set({ configStatus: 'loading', configLoadError: null }),
  setConfig: (config) => set({ config, configStatus: 'ready', configLoadError: null }),
  setConfigLoadError: (configLoadError) => set({ configStatus: 'error', configLoadError }),
  setSaving: () => set({ save: { status: 'saving', code: null, message: null } }),
  setSaved: (config) =>
    set({ config, configStatus: 'ready', save: { status: 'saved', code: null, message: null } }),
  setSaveError: (code, message) => set({ save: { status: 'error', code, message } }),
});
