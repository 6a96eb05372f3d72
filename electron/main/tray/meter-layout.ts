/**
 * Where the parts of the tray meter sit, in device pixels, for an icon `devicePx` square. Every edge is an
 * integer, so the icon stays crisp at 16, 22 and 32 px and at @2x; sizes scale from a 16-unit design grid.
 */
import type { Rect } from './pixel-image.js';

export interface MeterLayout {
  devicePx: number;
  /** Line width of the outline and of the gap between outline and fill. */
  strokePx: number;
  /** The small terminal on top of the body, so the shape reads as a gauge, not a square. */
  cap: Rect;
  body: Rect;
  /** The area the fill grows in, bottom up. */
  fillArea: Rect;
  /** The status badge (cleaning, paused, error) in the top-right corner. */
  badge: { cx: number; cy: number; radiusPx: number; unitPx: number; left: number; top: number };
}

/** Lays out the meter for a square icon of `devicePx` pixels (logical size × scale). */
export function meterLayout(devicePx: number): MeterLayout {
  const d = devicePx;
  const unit = d / 16;
  const stroke = Math.max(1, Math.round(unit));
  const bodyLeft = Math.round(d * 0.156);
  const body: Rect = { left: bodyLeft, top: stroke, right: d - bodyLeft, bottom: d };
  const capWidth = Math.round(d * 0.375);
  const capLeft = Math.round((d - capWidth) / 2);
  const inset = 2 * stroke;
  const radius = d / 4;
  return {
    devicePx: d,
    strokePx: stroke,
    cap: { left: capLeft, top: 0, right: capLeft + capWidth, bottom: stroke },
    body,
    fillArea: {
      left: body.left + inset,
      top: body.top + inset,
      right: body.right - inset,
      bottom: body.bottom - inset,
    },
    badge: { cx: d - radius, cy: radius, radiusPx: radius, unitPx: unit, left: d - 2 * radius, top: 0 },
  };
}

/** Rows of the fill area covered at `step` of `steps`: evenly spread, so each step adds at least one row. */
export function filledRows(layout: MeterLayout, step: number, steps: number): number {
  const height = layout.fillArea.bottom - layout.fillArea.top;
  return Math.round((height * Math.max(0, Math.min(step, steps))) / steps);
}
