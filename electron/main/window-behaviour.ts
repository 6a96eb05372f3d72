/**
 * How the dashboard window behaves on each desktop, decided once from the platform and the environment
 * (passed in, so tests choose the platform). Pure: window.ts applies it.
 */

export interface WindowBehaviour {
  /** Move the window next to the tray before showing it; Wayland ignores client positioning, so not there. */
  position: boolean;
  /** macOS: an LSUIElement app comes to the front only if it steals focus (`app.focus({ steal: true })`). */
  stealFocus: boolean;
  /**
   * Windows: a tray click arrives after the taskbar took focus from the window, so "visible and focused" is
   * never true at click time; a blur this recent still counts as focused, and the click hides the window.
   */
  blurGraceMs: number;
}

export interface DesktopEnvironment {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}

/** A Wayland session; Electron 38+ runs natively there (ozone auto), where windows cannot place themselves. */
export function isWaylandSession(env: Record<string, string | undefined>): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

/**
 * The blur precedes the click by the time the taskbar takes to dispatch it; generous, since a real click to
 * re-show the window comes from a person, far later. Not measured here (no Windows machine).
 */
const WINDOWS_BLUR_GRACE_MS = 400;

export function windowBehaviour({ platform, env }: DesktopEnvironment): WindowBehaviour {
  return {
    position: !(platform === 'linux' && isWaylandSession(env)),
    stealFocus: platform === 'darwin',
    blurGraceMs: platform === 'win32' ? WINDOWS_BLUR_GRACE_MS : 0,
  };
}

export interface ToggleState {
  visible: boolean;
  focused: boolean;
  /** When the window last lost focus (ms, the same clock as `nowMs`), or null if it never did. */
  lastBlurMs: number | null;
  nowMs: number;
}

/** What a tray click does: hide a window the user is looking at, else show it. */
export function toggleAction(state: ToggleState, behaviour: WindowBehaviour): 'hide' | 'show' {
  if (!state.visible) return 'show';
  if (state.focused) return 'hide';
  const justBlurred = state.lastBlurMs !== null && state.nowMs - state.lastBlurMs <= behaviour.blurGraceMs;
  return justBlurred ? 'hide' : 'show';
}
