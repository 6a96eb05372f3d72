import type { StateCreator } from 'zustand';
import type { CleanupProgress, FolderPlanView, RunRecord } from '../../../shared/types.js';
import type { DashboardState } from './dashboard-store.js';

export type CleanupStatus = 'idle' | 'running' | 'finished' | 'failed';

/** The cleanup the dashboard is showing: the one it started, or one the schedule started. */
export interface CleanupRun {
  status: CleanupStatus;
  /** Unknown between the request and the engine's `cleanupStarted` event. */
  runId: string | null;
  /** Folders of the run; empty means all. */
  folders: string[];
  /** Latest progress per folder name. */
  progress: Record<string, CleanupProgress>;
  result: RunRecord | null;
  error: string | null;
}

/** A cleanup's figures, as its confirmation states them: totals, and each folder before → after. */
export interface ConfirmWould {
  files: number;
  bytes: number;
  /** Folders the cleanup changes, with their totals before and after. */
  changes: { name: string; totals: NonNullable<FolderPlanView['totals']> }[];
}

export interface CleanupSlice {
  cleanup: CleanupRun;
  /** Folders awaiting "Confirm cleanup": undefined when no confirmation is open, null for all folders. */
  confirmScope: string[] | null | undefined;
  /** What the open confirmation's cleanup would remove, from a preview; null until known (or if it failed). */
  confirmWould: ConfirmWould | null;
  askConfirm: (folders: string[] | null) => void;
  /** The preview of `folders` came back: taken only while the confirmation for those folders is open. */
  setConfirmWould: (folders: string[] | null, would: ConfirmWould) => void;
  dismissConfirm: () => void;
  cleanupRequested: (folders: string[]) => void;
  cleanupStarted: (runId: string, folders: string[]) => void;
  cleanupProgressed: (progress: CleanupProgress) => void;
  cleanupFinished: (record: RunRecord) => void;
  cleanupFailed: (message: string) => void;
}

export const IDLE_CLEANUP: CleanupRun = {
  status: 'idle',
  runId: null,
  folders: [],
  progress: {},
  result: null,
  error: null,
};

export const createCleanupSlice: StateCreator<DashboardState, [], [], CleanupSlice> = (set) => ({
  cleanup: IDLE_CLEANUP,
  confirmScope: undefined,
  confirmWould: null,
  askConfirm: (folders) => set({ confirmScope: folders, confirmWould: null }),
  setConfirmWould: (folders, would) =>
    set((state) => (sameScope(state.confirmScope, folders) ? { confirmWould: would } : {})),
  dismissConfirm: () => set({ confirmScope: undefined }),
  cleanupRequested: (folders) =>
    set({ confirmScope: undefined, cleanup: { ...IDLE_CLEANUP, status: 'running', folders } }),
  cleanupStarted: (runId, folders) =>
    set({ cleanup: { ...IDLE_CLEANUP, status: 'running', runId, folders } }),
  cleanupProgressed: (progress) =>
    set((state) => {
      const run = state.cleanup;
      // Progress of another run (one that started before this page connected) still shows as running.
      if (run.status === 'running' && run.runId !== null && run.runId !== progress.runId) return {};
      return {
        cleanup: {
          ...run,
          status: 'running',
          runId: progress.runId,
          progress: { ...run.progress, [progress.folder]: progress },
        },
      };
    }),
  cleanupFinished: (record) =>
    set((state) => {
      // Dry runs are previews: they never replace the result of a real run.
      if (record.dryRun) return {};
      return {
        cleanup: { ...state.cleanup, status: 'finished', runId: record.id, result: record, error: null },
      };
    }),
  cleanupFailed: (error) => set((state) => ({ cleanup: { ...state.cleanup, status: 'failed', error } })),
});

function sameScope(a: string[] | null | undefined, b: string[] | null): boolean {
  if (a === undefined) return false;
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
