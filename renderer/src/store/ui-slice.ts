import type { StateCreator } from 'zustand';
import type { DashboardState } from './dashboard-store.js';

export type ThemePreference = 'system' | 'light' | 'dark';
/** `full`: the whole dashboard; `tray`: the popup beside the tray icon (the desktop app's `#/tray`). */
export type DashboardView = 'full' | 'tray';
export const THEME_STORAGE_KEY = 'headroom.theme';

export interface UiSlice {
  /** 'system' follows prefers-color-scheme; the choice is kept in localStorage. */
  theme: ThemePreference;
  setTheme: (theme: ThemePreference) => void;
  view: DashboardView;
  setView: (view: DashboardView) => void;
}

function isTheme(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

/** The stored preference; storage can be missing or refuse access (privacy modes), which means 'system'. */
export function readStoredTheme(): ThemePreference {
  try {
    const stored = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    return isTheme(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

export const createUiSlice: StateCreator<DashboardState, [], [], UiSlice> = (set) => ({
  theme: readStoredTheme(),
  setTheme: (theme) => {
    try {
      globalThis.localStorage?.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
    set({ theme });
  },
  view: 'full',
  setView: (view) => set({ view }),
});
