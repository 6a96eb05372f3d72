import type { StateCreator } from 'zustand';
import type { DetectResult } from '../../../shared/found-folders.js';
import type { DashboardState } from './dashboard-store.js';
import type { LoadStatus } from './history-slice.js';

/** "Found on this computer": the engine's proposals, and whether the user asked to see them. */
export interface FoundSlice {
  found: DetectResult | null;
  foundStatus: LoadStatus;
  foundError: string | null;
  /** Opened from Settings; on the first run the list shows without being asked. */
  foundOpen: boolean;
  /** Names added by the last confirmed "Add", for the notice. */
  foundAdded: string[];
  setFoundLoading: (open: boolean) => void;
  setFound: (found: DetectResult) => void;
  setFoundError: (message: string) => void;
  setFoundAdded: (names: string[]) => void;
  closeFound: () => void;
}

export const createFoundSlice: StateCreator<DashboardState, [], [], FoundSlice> = (set) => ({
  found: null,
  foundStatus: 'idle',
  foundError: null,
  foundOpen: false,
  foundAdded: [],
  setFoundLoading: (open) =>
    set((s) => ({ foundStatus: 'loading', foundError: null, foundOpen: s.foundOpen || open })),
  setFound: (found) => set({ found, foundStatus: 'ready', foundError: null }),
  setFoundError: (foundError) => set({ foundStatus: 'error', foundError }),
  setFoundAdded: (foundAdded) => set({ foundAdded }),
  closeFound: () => set({ foundOpen: false, foundAdded: [] }),
});
