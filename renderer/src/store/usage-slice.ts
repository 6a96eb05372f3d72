/** The kept data: each folder's usage over time, what cleanups freed, and what takes space (issue 15). */
import type { StateCreator } from 'zustand';
import type { SpaceBreakdown, UsageHistory } from '../../../shared/usage-history.js';
import type { DashboardState } from './dashboard-store.js';

export interface UsageSlice {
  /** Null until the engine first answered. */
  usageHistory: UsageHistory | null;
  usageError: string | null;
  /** The latest breakdown of each folder asked for, by folder name. */
  space: Record<string, SpaceBreakdown>;
  spaceError: string | null;
  /** Why the last "Show in folder" did not open, in a sentence. */
  revealError: string | null;
  setUsageHistory: (history: UsageHistory) => void;
  setUsageError: (message: string) => void;
  setSpace: (breakdown: SpaceBreakdown) => void;
  setSpaceError: (message: string | null) => void;
  setRevealError: (message: string | null) => void;
}

export const createUsageSlice: StateCreator<DashboardState, [], [], UsageSlice> = (set) => ({
  usageHistory: null,
  usageError: null,
  space: {},
  spaceError: null,
  revealError: null,
  setUsageHistory: (usageHistory) => set({ usageHistory, usageError: null }),
  setUsageError: (usageError) => set({ usageError }),
  setSpace: (breakdown) =>
    set((state) => ({ space: { ...state.space, [breakdown.folder]: breakdown }, spaceError: null })),
  setSpaceError: (spaceError) => set({ spaceError }),
  setRevealError: (revealError) => set({ revealError }),
});
