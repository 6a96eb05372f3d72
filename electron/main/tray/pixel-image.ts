/**
 * A tiny RGBA raster: just enough to draw the tray meter with pixel-aligned rectangles and circles.
 * Pure code (no Electron, no I/O) so the icon is tested and rendered in plain Node.
 */

/** A colour with straight (not premultiplied) alpha, each channel 0–255. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Row-major RGBA pixels, 4 bytes per pixel, straight alpha. */
export interface PixelImage {
  widthPx: number;
  heightPx: number;
  data: Uint8Array;
}

export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

/** `#rrggbb` plus an optional alpha 0–255. */
export function hex(code: string, a = 255): Rgba {
  const n = Number.parseInt(code.replace('#', ''), 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff, a };
}

export function createImage(widthPx: number, heightPx: number): PixelImage {
  return { widthPx, heightPx, data: new Uint8Array(widthPx * heightPx * 4) };
}

export function pixelAt(image: PixelImage, x: number, y: number): Rgba {
  const i = (y * image.widthPx + x) * 4;
  const d = image.data;
  return { r: d[i] ?? 0, g: d[i + 1] ?? 0, b: d[i + 2] ?? 0, a: d[i + 3] ?? 0 };
}

/**
 * Paints one pixel. `mode: 'over'` composites like a painter (source-over); `'replace'` writes the colour as
 * is, which is how a badge punches a transparent gap ("knock-out") around itself.
 */
export function setPixel(
  image: PixelImage,
  x: number,
  y: number,
  color: Rgba,
  mode: 'over' | 'replace',
): void {
  if (x < 0 || y < 0 || x >= image.widthPx || y >= image.heightPx) return;
  const i = (y * image.widthPx + x) * 4;
  const d = image.data;
  if (mode === 'replace' || color.a === 255) {
    d[i] = color.r;
    d[i + 1] = color.g;
    d[i + 2] = color.b;
    d[i + 3] = color.a;
    return;
  }
  const srcA = color.a / 255;
  const dstA = (d[i + 3] ?? 0) / 255;
  const outA = srcA + dstA * (1 - srcA);
  if (outA === 0) return;
  const mix = (src: number, dst: number) => Math.round((src * srcA + dst * dstA * (1 - srcA)) / outA);
  d[i] = mix(color.r, d[i] ?? 0);
  d[i + 1] = mix(color.g, d[i + 1] ?? 0);
  d[i + 2] = mix(color.b, d[i + 2] ?? 0);
  d[i + 3] = Math.round(outA * 255);
}

/** Integer rectangle, half-open: x in [left, right), y in [top, bottom). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function fillRect(
  image: PixelImage,
  rect: Rect,
  color: Rgba,
  mode: 'over' | 'replace' = 'over',
): void {
  for (let y = rect.top; y < rect.bottom; y++) {
    for (let x = rect.left; x < rect.right; x++) setPixel(image, x, y, color, mode);
  }
}

/** A rectangle's border `thicknessPx` wide, inside the rectangle. */
export function strokeRect(image: PixelImage, rect: Rect, thicknessPx: number, color: Rgba): void {
  const t = thicknessPx;
  fillRect(image, { ...rect, bottom: rect.top + t }, color);
  fillRect(image, { ...rect, top: rect.bottom - t }, color);
  fillRect(image, { ...rect, top: rect.top + t, bottom: rect.bottom - t, right: rect.left + t }, color);
  fillRect(image, { ...rect, top: rect.top + t, bottom: rect.bottom - t, left: rect.right - t }, color);
}

/** Every pixel whose centre lies within `radiusPx` of (cx, cy): crisp, no anti-aliasing. */
export function fillCircle(
  image: PixelImage,
  cx: number,
  cy: number,
  radiusPx: number,
  color: Rgba,
  mode: 'over' | 'replace' = 'over',
): void {
  const r2 = radiusPx * radiusPx;
  for (let y = Math.floor(cy - radiusPx); y <= Math.ceil(cy + radiusPx); y++) {
    for (let x = Math.floor(cx - radiusPx); x <= Math.ceil(cx + radiusPx); x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      if (dx * dx + dy * dy <= r2) setPixel(image, x, y, color, mode);
    }
  }
}

/** Copies `source` onto `target` at (left, top), compositing source-over. */
export function drawImage(target: PixelImage, source: PixelImage, left: number, top: number): void {
  for (let y = 0; y < source.heightPx; y++) {
    for (let x = 0; x < source.widthPx; x++) {
      const c = pixelAt(source, x, y);
      if (c.a > 0) setPixel(target, left + x, top + y, c, 'over');
    }
  }
}
