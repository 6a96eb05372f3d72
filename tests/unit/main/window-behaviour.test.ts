import { describe, expect, it } from 'vitest';
import { toggleAction, windowBehaviour } from '../../../electron/main/window-behaviour.js';

describe('windowBehaviour (platform and environment passed in)', () => {
  it('positions the window everywhere but under Wayland, and steals focus only on macOS', () => {
    expect(windowBehaviour({ platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' } }).position).toBe(false);
    expect(windowBehaviour({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } }).position).toBe(
      false,
    );
    expect(windowBehaviour({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11' } }).position).toBe(true);
    expect(windowBehaviour({ platform: 'win32', env: {} })).toMatchObject({
      position: true,
      stealFocus: false,
    });
    expect(windowBehaviour({ platform: 'darwin', env: {} }).stealFocus).toBe(true);
  });
});

describe('toggleAction', () => {
  const windows = windowBehaviour({ platform: 'win32', env: {} });
  const linux = windowBehaviour({ platform: 'linux', env: {} });

  it('hides a window that lost focus to the taskbar just before the tray click (Windows)', () => {
    const state = { visible: true, focused: false, lastBlurMs: 10_000, nowMs: 10_050 };
    expect(toggleAction(state, windows)).toBe('hide');
    expect(toggleAction({ ...state, nowMs: 10_000 + windows.blurGraceMs + 1 }, windows)).toBe('show');
    expect(toggleAction(state, linux)).toBe('show');
  });

  it('shows a hidden window and hides a focused one everywhere', () => {
    expect(toggleAction({ visible: false, focused: false, lastBlurMs: null, nowMs: 0 }, windows)).toBe(
      'show',
    );
    expect(toggleAction({ visible: true, focused: true, lastBlurMs: null, nowMs: 0 }, linux)).toBe('hide');
    expect(toggleAction({ visible: true, focused: false, lastBlurMs: null, nowMs: 0 }, windows)).toBe('show');
  });
});
