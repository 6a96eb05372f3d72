/**
 * The tray icon is a usage meter: a gauge whose fill rises in steps with the fullest folder's usage, coloured
 * by level, with a badge for cleaning, paused and error. Pure pixels (no Electron) so tests decode them.
 */
import type { Level } from '../../../shared/types.js';
import { createImage, fillCircle, fillRect, hex, strokeRect, TRANSPARENT } from './pixel-image.js';
import type { PixelImage, Rect, Rgba } from './pixel-image.js';
import { filledRows, meterLayout } from './meter-layout.js';
import type { MeterLayout } from './meter-layout.js';

/** `scanning`: a folder's first scan is still running, so the meter does not show it yet. */
export type TrayIconState = 'normal' | 'cleaning' | 'paused' | 'error' | 'scanning';

export interface TrayIconOptions {
  /** The fullest folder's usage in percent (may exceed 100). */
  usagePercent: number;
  level: Level;
  state: TrayIconState;
  /** Logical size: 16 (Windows, macOS), 22 or 32 (Linux panels). */
  sizePx: number;
  /** Display scale factor: 1, 1.25, 1.5, 2… */
  scale: number;
  /** macOS template image: black with alpha only; the system tints it for light and dark menu bars. */
  template: boolean;
}

/** The meter shows this many fill steps (plus empty), each a visible jump in rows. */
export const FILL_STEPS = 5;

export const LEVEL_COLORS: Record<Level, Rgba> = {
  ok: hex('#22c55e'),
  warning: hex('#f59e0b'),
  over: hex('#ef4444'),
};
export const BADGE_COLORS: Record<Exclude<TrayIconState, 'normal'>, Rgba> = {
  cleaning: hex('#3b82f6'),
  paused: hex('#6b7280'),
  error: hex('#dc2626'),
  scanning: hex('#64748b'),
};
const OUTLINE = hex('#f3f4f6');
/** Dark, half-transparent inside: the gauge stays visible on light taskbars whose background eats the outline. */
const INTERIOR = hex('#111827', 170);
const GLYPH = hex('#ffffff');
const BLACK = hex('#000000');

/** Usage → fill step 0…FILL_STEPS; anything stored shows at least one step, so "nearly empty" ≠ "empty". */
export function fillStep(usagePercent: number): number {
  if (!Number.isFinite(usagePercent) || usagePercent <= 0) return 0;
  return Math.min(FILL_STEPS, Math.max(1, Math.round((usagePercent / 100) * FILL_STEPS)));
}

/** Identifies what the icon shows; the tray replaces its image only when this changes. */
export function iconKey(options: TrayIconOptions): string {
  const colour = options.template ? 'template' : options.level;
  return `${options.sizePx}@${options.scale}:${colour}:${options.state}:${fillStep(options.usagePercent)}`;
}

/** Draws the icon at `round(sizePx × scale)` device pixels square. */
export function renderTrayIcon(options: TrayIconOptions): PixelImage {
  const devicePx = Math.max(8, Math.round(options.sizePx * options.scale));
  const image = createImage(devicePx, devicePx);
  const layout = meterLayout(devicePx);
  const outline = options.template ? BLACK : OUTLINE;
  if (!options.template) fillRect(image, inner(layout.body, layout.strokePx), INTERIOR);
  fillRect(image, layout.cap, outline);
  strokeRect(image, layout.body, layout.strokePx, outline);
  drawFill(image, layout, options);
  if (options.state !== 'normal') drawBadge(image, layout, options.state, options.template);
  return image;
}

function inner(rect: Rect, byPx: number): Rect {
  return {
    left: rect.left + byPx,
    top: rect.top + byPx,
    right: rect.right - byPx,
    bottom: rect.bottom - byPx,
  };
}

function drawFill(image: PixelImage, layout: MeterLayout, options: TrayIconOptions): void {
  const rows = filledRows(layout, fillStep(options.usagePercent), FILL_STEPS);
  const area = { ...layout.fillArea, top: layout.fillArea.bottom - rows };
  const color = options.template ? BLACK : LEVEL_COLORS[options.level];
  if (options.state !== 'cleaning') {
    fillRect(image, area, color);
    return;
  }
  // Cleaning: diagonal stripes, readable even where the badge is too small to make out.
  const band = 2 * layout.strokePx;
  const light = options.template ? { ...BLACK, a: 110 } : mixWithWhite(color, 0.5);
  for (let y = area.top; y < area.bottom; y++) {
    for (let x = area.left; x < area.right; x++) {
      const striped = Math.floor((x + y) / band) % 2 === 0;
      fillRect(image, { left: x, top: y, right: x + 1, bottom: y + 1 }, striped ? light : color);
    }
  }
}

function mixWithWhite(c: Rgba, amount: number): Rgba {
  const mix = (v: number) => Math.round(v + (255 - v) * amount);
  return { r: mix(c.r), g: mix(c.g), b: mix(c.b), a: c.a };
}

/** Glyphs on a 8×8-unit badge grid (1 unit = 1 px at 16 px): [left, top, right, bottom]. */
const GLYPHS: Record<Exclude<TrayIconState, 'normal'>, [number, number, number, number][]> = {
  paused: [
    [2, 2, 3, 6],
    [5, 2, 6, 6],
  ],
  error: [
    [3, 1, 5, 4.5],
    [3, 5.5, 5, 7],
  ],
  // An ellipsis: "still counting".
  scanning: [
    [1, 3.5, 2.5, 5],
    [3.25, 3.5, 4.75, 5],
    [5.5, 3.5, 7, 5],
  ],
  cleaning: [
    [3, 1, 5, 4],
    [1, 4, 7, 5],
    [2, 5, 6, 6],
    [3, 6, 5, 7],
  ],
};

function drawBadge(
  image: PixelImage,
  layout: MeterLayout,
  state: Exclude<TrayIconState, 'normal'>,
  template: boolean,
): void {
  const { cx, cy, radiusPx, unitPx, left, top } = layout.badge;
  // A transparent ring keeps the badge apart from the outline it overlaps.
  fillCircle(image, cx, cy, radiusPx + layout.strokePx, TRANSPARENT, 'replace');
  fillCircle(image, cx, cy, radiusPx, template ? BLACK : BADGE_COLORS[state]);
  const glyph = template ? TRANSPARENT : GLYPH;
  for (const [l, t, r, b] of GLYPHS[state]) {
    const rect = {
      left: left + Math.round(l * unitPx),
      top: top + Math.round(t * unitPx),
      right: left + Math.round(r * unitPx),
      bottom: top + Math.round(b * unitPx),
    };
    fillRect(image, rect, glyph, 'replace');
  }
}
