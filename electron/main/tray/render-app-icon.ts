/**
 * The application icon (installers, window, dock): the same meter as the tray, large, on a dark rounded
 * square, so the app and its tray read as one thing.
 */
import { createImage, drawImage, fillCircle, fillRect, hex } from './pixel-image.js';
import type { PixelImage } from './pixel-image.js';
import { renderTrayIcon } from './render-tray-icon.js';

const BACKGROUND = hex('#1f2937');

/** Draws the app icon `sizePx` square (512 or 1024 for installers). */
export function renderAppIcon(sizePx: number): PixelImage {
  const image = createImage(sizePx, sizePx);
  const margin = Math.round(sizePx * 0.06);
  const radius = Math.round(sizePx * 0.18);
  const inner = { left: margin, top: margin, right: sizePx - margin, bottom: sizePx - margin };
  fillRect(image, { ...inner, left: inner.left + radius, right: inner.right - radius }, BACKGROUND);
  fillRect(image, { ...inner, top: inner.top + radius, bottom: inner.bottom - radius }, BACKGROUND);
  for (const cx of [inner.left + radius, inner.right - radius]) {
    for (const cy of [inner.top + radius, inner.bottom - radius])
      fillCircle(image, cx, cy, radius, BACKGROUND);
  }
  const meterPx = Math.round(sizePx * 0.62);
  const meter = renderTrayIcon({
    usagePercent: 60,
    level: 'ok',
    state: 'normal',
    sizePx: meterPx,
    scale: 1,
    template: false,
  });
  const offset = Math.round((sizePx - meterPx) / 2);
  drawImage(image, meter, offset, offset);
  return image;
}
