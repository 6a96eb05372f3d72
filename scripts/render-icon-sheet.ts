/**
 * Draws every tray icon state × size × fill step into docs/tray-icons.png, once on a dark panel (left) and
 * once on a light one (right), so a person can check legibility at a glance.
 * Rows, top to bottom, per size (16 px, 22 px, 32 px, 16 px @2x, 22 px @2x): the colour icon in the states
 * normal, cleaning, paused, error, then the macOS template icon in the same four states.
 * Columns: usage 0%, 15%, 40%, 60%, 85% (warning), 100% (over). The sheet is enlarged 2× without smoothing.
 * Run: npx tsx scripts/render-icon-sheet.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from '../electron/main/tray/encode-png.js';
import {
  createImage,
  drawImage,
  fillRect,
  hex,
  pixelAt,
  setPixel,
} from '../electron/main/tray/pixel-image.js';
import type { PixelImage } from '../electron/main/tray/pixel-image.js';
import { renderTrayIcon } from '../electron/main/tray/render-tray-icon.js';
import type { TrayIconState } from '../electron/main/tray/render-tray-icon.js';
import type { Level } from '../shared/types.js';

const SIZES = [
  { sizePx: 16, scale: 1 },
  { sizePx: 22, scale: 1 },
  { sizePx: 32, scale: 1 },
  { sizePx: 16, scale: 2 },
  { sizePx: 22, scale: 2 },
];
const STATES: TrayIconState[] = ['normal', 'cleaning', 'paused', 'error'];
const USAGES: { usagePercent: number; level: Level }[] = [
  { usagePercent: 0, level: 'ok' },
  { usagePercent: 15, level: 'ok' },
  { usagePercent: 40, level: 'ok' },
  { usagePercent: 60, level: 'ok' },
  { usagePercent: 85, level: 'warning' },
  { usagePercent: 100, level: 'over' },
];
const CELL_PX = 52;
const GROUP_GAP_PX = 12;
const ZOOM = 2;

function panel(background: string): PixelImage {
  const rows = SIZES.length * STATES.length * 2;
  const image = createImage(USAGES.length * CELL_PX, rows * CELL_PX + SIZES.length * GROUP_GAP_PX);
  fillRect(image, { left: 0, top: 0, right: image.widthPx, bottom: image.heightPx }, hex(background));
  let top = 0;
  for (const size of SIZES) {
    for (const template of [false, true]) {
      for (const state of STATES) {
        USAGES.forEach((usage, column) => {
          const icon = renderTrayIcon({ ...usage, ...size, state, template });
          const inset = Math.round((CELL_PX - icon.widthPx) / 2);
          drawImage(image, icon, column * CELL_PX + inset, top + inset);
        });
        top += CELL_PX;
      }
    }
    top += GROUP_GAP_PX;
  }
  return image;
}

function zoom(image: PixelImage, factor: number): PixelImage {
  const out = createImage(image.widthPx * factor, image.heightPx * factor);
  for (let y = 0; y < out.heightPx; y++) {
    for (let x = 0; x < out.widthPx; x++) {
      setPixel(out, x, y, pixelAt(image, Math.floor(x / factor), Math.floor(y / factor)), 'replace');
    }
  }
  return out;
}

const dark = panel('#2b2b2b');
const light = panel('#e8e8e8');
const sheet = createImage(dark.widthPx * 2, dark.heightPx);
drawImage(sheet, dark, 0, 0);
drawImage(sheet, light, dark.widthPx, 0);
const target = fileURLToPath(new URL('../docs/tray-icons.png', import.meta.url));
writeFileSync(target, encodePng(zoom(sheet, ZOOM)));
process.stdout.write(`wrote ${target}\n`);
