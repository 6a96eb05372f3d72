/**
 * The dashboard window's two faces (pure; window.ts applies them): the tray popup, a small window beside
 * the tray icon with the fullest folders and Clean now, and the full dashboard in a larger window in the
 * middle of the screen. The page learns which from its hash (`#/tray`, `#/overview`, `#/preview`).
 */
import type { DashboardView } from './ports.js';

export interface ViewLayout {
  widthPx: number;
  heightPx: number;
  /** Beside the tray icon (where the desktop lets a window place itself), else centred. */
  besideTray: boolean;
  /** The hash the renderer routes on. */
  hash: string;
}

/** The popup: about the size of a phone, like the menu-bar popups of system monitors. */
export const POPUP_SIZE = { widthPx: 480, heightPx: 680 } as const;
/** The full dashboard: two columns of folder cards and the history table without scrolling sideways. */
export const FULL_SIZE = { widthPx: 1120, heightPx: 820 } as const;
/** The full window never covers more of the work area than this. */
const FULL_MAX_SHARE = 0.9;

/** The layout for `view` on a display whose work area is `workArea` (DIP). */
export function viewLayout(view: DashboardView, workArea: { width: number; height: number }): ViewLayout {
  if (view === 'tray') return { ...POPUP_SIZE, besideTray: true, hash: '#/tray' };
  const fit = (wanted: number, available: number, floor: number) =>
    Math.max(floor, Math.min(wanted, Math.floor(available * FULL_MAX_SHARE)));
  return {
    widthPx: fit(FULL_SIZE.widthPx, workArea.width, POPUP_SIZE.widthPx),
    heightPx: fit(FULL_SIZE.heightPx, workArea.height, POPUP_SIZE.heightPx),
    besideTray: false,
    hash: `#/${view}`,
  };
}
