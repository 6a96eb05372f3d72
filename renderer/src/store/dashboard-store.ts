/**
 * The dashboard's one zustand store, built from slices. Components read it with single-field selectors
 * (or useShallow); only `renderer/src/api/` writes bridge data into it.
 */
import { create } from 'zustand';
import { createCleanupSlice, type CleanupSlice } from './cleanup-slice.js';
import { createConfigSlice, type ConfigSlice } from './config-slice.js';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice.js';
import { createFoundSlice, type FoundSlice } from './found-slice.js';
import { createHistorySlice, type HistorySlice } from './history-slice.js';
import { createPreviewSlice, type PreviewSlice } from './preview-slice.js';
import { createSnapshotSlice, type SnapshotSlice } from './snapshot-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';
import { createUsageSlice, type UsageSlice } from './usage-slice.js';

export type DashboardState = SnapshotSlice &
  HistorySlice &
  PreviewSlice &
  CleanupSlice &
  ConfigSlice &
  ConnectionSlice &
  UiSlice &
  FoundSlice &
  UsageSlice;

/** Builds a fresh store; the app uses `useDashboard`, tests build their own. */
export function createDashboardStore() {
  return create<DashboardState>()((...a) => ({
    ...createSnapshotSlice(...a),
    ...createHistorySlice(...a),
    ...createPreviewSlice(...a),
    ...createCleanupSlice(...a),
    ...createConfigSlice(...a),
    ...createConnectionSlice(...a),
    ...createUiSlice(...a),
    ...createFoundSlice(...a),
    ...createUsageSlice(...a),
  }));
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;

/** The app's store. */
export const useDashboard: DashboardStore = createDashboardStore();
