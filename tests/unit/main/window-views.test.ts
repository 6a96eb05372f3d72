import { describe, expect, it } from 'vitest';
import { FULL_SIZE, POPUP_SIZE, viewLayout } from '../../../electron/main/window-views.js';

const LAPTOP = { width: 1440, height: 860 };

describe('viewLayout', () => {
  it('opens the tray popup at 480×680 beside the tray, on #/tray', () => {
    expect(viewLayout('tray', LAPTOP)).toEqual({
      widthPx: 480,
      heightPx: 680,
      besideTray: true,
      hash: '#/tray',
    });
  });

  it('opens the full dashboard larger and centred, on its own hash', () => {
    const full = viewLayout('overview', { width: 1920, height: 1080 });
    expect(full).toEqual({ ...FULL_SIZE, besideTray: false, hash: '#/overview' });
    expect(full.widthPx).toBeGreaterThan(POPUP_SIZE.widthPx);
    expect(viewLayout('preview', LAPTOP).hash).toBe('#/preview');
  });

  it('keeps the full window inside a small screen, never smaller than the popup', () => {
    const small = viewLayout('overview', { width: 1024, height: 700 });
    expect(small.widthPx).toBeLessThanOrEqual(1024);
    expect(small.heightPx).toBeLessThanOrEqual(700);
    expect(viewLayout('overview', { width: 400, height: 500 })).toMatchObject(POPUP_SIZE);
  });
});
