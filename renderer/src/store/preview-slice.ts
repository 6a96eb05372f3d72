import type { StateCreator } from 'zustand';
import type { CleanupPreview } from '../../../shared/types.js';
import type { DashboardState } from './dashboard-store.js';
import type { LoadStatus } from './history-slice.js';

export interface PreviewSlice {
  preview: CleanupPreview | null;
  /** The folders the preview was asked for; null means all folders. */
  previewScope: string[] | null;
  previewStatus: LoadStatus;
  previewError: string | null;
  setPreviewLoading: (scope: string[] | null) => void;
  setPreview: (preview: CleanupPreview) => void;
  setPreviewError: (message: string) => void;
  closePreview: () => void;
}

export const createPreviewSlice: StateCreator<DashboardState, [], [], PreviewSlice> = (set) => ({
  preview: null,
  previewScope: null,
  previewStatus: 'idle',
  previewError: null,
  setPreviewLoading: (previewScope) =>
    set({ previewScope, previewStatus: 'loading', previewError: null, preview: null }),
  setPreview: (preview) => set({ preview, previewStatus: 'ready', previewError: null }),
  setPreviewError: (previewError) => set({ previewStatus: 'error', previewError }),
  closePreview: () => set({ preview: null, previewStatus: 'idle', previewError: null }),
});
