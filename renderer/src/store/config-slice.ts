import type { StateCreator } from 'zustand';
import type { BridgeErrorCode, ConfigView } from '../../../shared/bridge.js';
import type { ConfigPatch } from '../../../shared/bridge.js';
import type { ConfigImpact, ConfigIssue } from '../../../shared/types.js';
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

/** A save waiting for the user to confirm what it would remove (DESIGN.md invariant 7). */
export interface ImpactQuestion {
  patch: ConfigPatch;
  impact: ConfigImpact;
  /** True when the engine refused an earlier confirmation because the impact changed since. */
  changed: boolean;
}

export interface ConfigSlice {
  config: ConfigView | null;
  configStatus: LoadStatus;
  configLoadError: string | null;
  save: SaveState;
  impactQuestion: ImpactQuestion | null;
  askImpact: (question: ImpactQuestion) => void;
  dismissImpact: () => void;
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
  impactQuestion: null,
  askImpact: (impactQuestion) => set({ impactQuestion, save: IDLE_SAVE }),
  dismissImpact: () => set({ impactQuestion: null }),
  setConfigLoading: () => set({ configStatus: 'loading', configLoadError: null }),
  setConfig: (config) => set({ config, configStatus: 'ready', configLoadError: null }),
  setConfigLoadError: (configLoadError) => set({ configStatus: 'error', configLoadError }),
  setSaving: () => set({ save: { ...IDLE_SAVE, status: 'saving' } }),
  setSaved: (config) =>
    set({ config, configStatus: 'ready', impactQuestion: null, save: { ...IDLE_SAVE, status: 'saved' } }),
  setSaveError: (code, message, issues = []) => set({ save: { status: 'error', code, message, issues } }),
});
