import type { StateCreator } from 'zustand';
import type { HistoryPage } from '../../../shared/types.js';
import type { DashboardState } from './dashboard-store.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface HistorySlice {
  history: HistoryPage | null;
  historyStatus: LoadStatus;
  historyError: string | null;
  setHistoryLoading: () => void;
  setHistory: (page: HistoryPage) => void;
  setHistoryError: (message: string) => void;
}

export const createHistorySlice: StateCreator<DashboardState, [], [], HistorySlice> = (set) => ({
  history: null,
  historyStatus: 'idle',
  historyError: null,
  setHistoryLoading: () => set({ historyStatus: 'loading', historyError: null }),
  setHistory: (history) => set({ history, historyStatus: 'ready', historyError: null }),
  setHistoryError: (historyError) => set({ historyStatus: 'error', historyError }),
});
