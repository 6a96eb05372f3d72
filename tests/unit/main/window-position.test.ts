import { describe, expect, it } from 'vitest';
import { positionNearTray } from '../../../electron/main/window-position.js';

const size = { width: 480, height: 680 };
const inside = (p: { x: number; y: number }, area: { x: number; y: number; width: number; height: number }) =>
  p.x >= area.x &&
  p.y >= area.y &&
  p.x + size.width <= area.x + area.width &&
  p.y + size.height <= area.y + area.height;

describe('positionNearTray', () => {
  it('opens above a tray at the bottom right (Windows), inside the work area', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const p = positionNearTray({ x: 1800, y: 1045, width: 24, height: 30 }, size, workArea);
    expect(p).toEqual({ x: 1920 - 480, y: 1045 - 680 - 6 });
    expect(inside(p, workArea)).toBe(true);
  });

  it('opens below a tray in a top menu bar (macOS), centred on the icon', () => {
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const p = positionNearTray({ x: 1000, y: 0, width: 22, height: 24 }, size, workArea);
    expect(p).toEqual({ x: 1011 - 240, y: 30 });
  });

  it('opens beside a vertical taskbar on the right', () => {
    const workArea = { x: 0, y: 0, width: 1860, height: 1080 };
    const p = positionNearTray({ x: 1870, y: 1000, width: 24, height: 24 }, size, workArea);
    expect(p.x).toBe(1860 - 480);
    expect(inside(p, workArea)).toBe(true);
  });

  it('stays on a secondary display with negative coordinates', () => {
    const workArea = { x: -1280, y: 0, width: 1280, height: 1024 };
    const p = positionNearTray({ x: -10, y: 1000, width: 1, height: 1 }, size, workArea);
    expect(inside(p, workArea)).toBe(true);
  });
});
