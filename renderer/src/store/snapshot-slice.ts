import type { StateCreator } from 'zustand';
import type { ConfigErrorInfo, ScheduleStatus, Snapshot, WarningEvent } from '../../../shared/types.js';
import type { DashboardState } from './dashboard-store.js';

/** How many snapshots each folder's sparkline keeps (about 10 minutes at the engine's coalescing rate). */
export const SERIES_MAX_POINTS = 120;
/** How many `warning` events the warnings panel keeps, newest first. */
export const WARNINGS_MAX = 50;

/** One point of a folder's usage-over-time series. */
export interface UsagePoint {
  atMs: number;
  usagePercent: number;
  sizeBytes: number;
  fileCount: number;
}

export interface SnapshotSlice {
  /** Null until the first snapshot arrives (the loading state). */
  snapshot: Snapshot | null;
  /** Usage over time per folder name, oldest first, at most SERIES_MAX_POINTS points each. */
  series: Record<string, UsagePoint[]>;
  /** Recent `warning` events, newest first. */
  warnings: WarningEvent[];
  /** The latest config problem, from the snapshot or a `configError` event. */
  configError: ConfigErrorInfo | null;
  /** What went wrong with the last pause/resume request, in a sentence. */
  scheduleError: string | null;
  applySnapshot: (snapshot: Snapshot) => void;
  applySchedule: (schedule: ScheduleStatus) => void;
  setScheduleError: (message: string | null) => void;
  addWarning: (warning: WarningEvent) => void;
  clearWarnings: () => void;
  setConfigError: (error: ConfigErrorInfo | null) => void;
}

/**
 * Appends one point per folder of `snapshot`. A snapshot no newer than a series' last point replaces that
 * point (a refetch after reconnecting repeats the last one), and folders gone from the snapshot lose their series.
 */
export function appendSeries(
  series: Record<string, UsagePoint[]>,
  snapshot: Snapshot,
  maxPoints: number,
): Record<string, UsagePoint[]> {
  const next: Record<string, UsagePoint[]> = {};
  for (const folder of snapshot.folders) {
    const point: UsagePoint = {
      atMs: snapshot.takenAtMs,
      usagePercent: folder.usagePercent,
      sizeBytes: folder.sizeBytes,
      fileCount: folder.fileCount,
    };
    const old = series[folder.name] ?? [];
    const last = old[old.length - 1];
    const kept = last && last.atMs >= point.atMs ? old.slice(0, -1) : old;
    next[folder.name] = [...kept, point].slice(-maxPoints);
  }
  return next;
}

export const createSnapshotSlice: StateCreator<DashboardState, [], [], SnapshotSlice> = (set) => ({
  snapshot: null,
  series: {},
  warnings: [],
  configError: null,
  scheduleError: null,
  applySnapshot: (snapshot) =>
    set((state) => {
      // A refetch answered after a newer pushed snapshot must not take the page back in time.
      if (state.snapshot && snapshot.takenAtMs < state.snapshot.takenAtMs) return {};
      return {
        snapshot,
        series: appendSeries(state.series, snapshot, SERIES_MAX_POINTS),
        configError: snapshot.configError,
      };
    }),
  applySchedule: (schedule) =>
    set((state) =>
      state.snapshot ? { snapshot: { ...state.snapshot, schedule }, scheduleError: null } : {},
    ),
  setScheduleError: (scheduleError) => set({ scheduleError }),
  addWarning: (warning) =>
    set((state) => ({ warnings: [warning, ...state.warnings].slice(0, WARNINGS_MAX) })),
  clearWarnings: () => set({ warnings: [] }),
  setConfigError: (configError) => set({ configError }),
});
