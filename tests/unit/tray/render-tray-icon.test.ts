import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../electron/main/tray/encode-png.js';
import { meterLayout } from '../../../electron/main/tray/meter-layout.js';
import {
  BADGE_COLORS,
  FILL_STEPS,
  iconKey,
  LEVEL_COLORS,
  renderTrayIcon,
} from '../../../electron/main/tray/render-tray-icon.js';
import type { TrayIconOptions, TrayIconState } from '../../../electron/main/tray/render-tray-icon.js';
import type { Rgba } from '../../../electron/main/tray/pixel-image.js';
import { decodePng } from './decode-png.js';
import type { DecodedPng } from './decode-png.js';

const base: TrayIconOptions = {
  usagePercent: 50,
  level: 'ok',
  state: 'normal',
  sizePx: 16,
  scale: 1,
  template: false,
};
const SIZES = [
  { sizePx: 16, scale: 1 },
  { sizePx: 22, scale: 1 },
  { sizePx: 32, scale: 1 },
  { sizePx: 16, scale: 2 },
  { sizePx: 22, scale: 2 },
];
/** One usage per fill step, 0 … 5. */
const STEP_USAGES = [0, 15, 40, 60, 80, 100];

function draw(options: Partial<TrayIconOptions>): DecodedPng {
  return decodePng(encodePng(renderTrayIcon({ ...base, ...options })));
}
function at(png: DecodedPng, x: number, y: number): Rgba {
  const i = (y * png.widthPx + x) * 4;
  const d = png.data;
  return { r: d[i] ?? -1, g: d[i + 1] ?? -1, b: d[i + 2] ?? -1, a: d[i + 3] ?? -1 };
}
function rowsMatching(png: DecodedPng, x: number, test: (c: Rgba) => boolean): number {
  let rows = 0;
  for (let y = 0; y < png.heightPx; y++) if (test(at(png, x, y))) rows++;
  return rows;
}
function countPixels(png: DecodedPng, color: Rgba): number {
  let n = 0;
  for (let y = 0; y < png.heightPx; y++) {
    for (let x = 0; x < png.widthPx; x++) if (JSON.stringify(at(png, x, y)) === JSON.stringify(color)) n++;
  }
  return n;
}
const same = (a: Rgba) => (b: Rgba) => a.r === b.r && a.g === b.g && a.b === b.b && a.a === b.a;

describe('renderTrayIcon', () => {
  it.each(SIZES)('fills more rows at each of the $sizePx px @$scale x steps', ({ sizePx, scale }) => {
    const devicePx = Math.round(sizePx * scale);
    const fill = meterLayout(devicePx).fillArea;
    const counts = STEP_USAGES.map((usagePercent) =>
      rowsMatching(draw({ sizePx, scale, usagePercent }), fill.left, same(LEVEL_COLORS.ok)),
    );
    expect(counts[0]).toBe(0);
    expect(counts[FILL_STEPS]).toBe(fill.bottom - fill.top);
    for (let step = 1; step <= FILL_STEPS; step++) {
      expect(counts[step]).toBeGreaterThan(counts[step - 1] ?? Infinity);
      expect(
        Math.abs((counts[step] ?? 0) - ((fill.bottom - fill.top) * step) / FILL_STEPS),
      ).toBeLessThanOrEqual(1);
    }
  });

  it('draws at the device size: logical size × scale', () => {
    for (const { sizePx, scale } of SIZES) {
      const png = draw({ sizePx, scale });
      expect([png.widthPx, png.heightPx]).toEqual([Math.round(sizePx * scale), Math.round(sizePx * scale)]);
    }
  });

  it('shows anything stored as at least one step, and over 100% as full', () => {
    const fill = meterLayout(16).fillArea;
    expect(rowsMatching(draw({ usagePercent: 1 }), fill.left, same(LEVEL_COLORS.ok))).toBeGreaterThan(0);
    const over = draw({ usagePercent: 250, level: 'over' });
    expect(rowsMatching(over, fill.left, same(LEVEL_COLORS.over))).toBe(fill.bottom - fill.top);
  });

  it('colours the fill by level: green, amber, red', () => {
    const fill = meterLayout(32).fillArea;
    const bottom = (level: 'ok' | 'warning' | 'over') =>
      at(draw({ sizePx: 32, level, usagePercent: 90 }), fill.left + 1, fill.bottom - 1);
    const ok = bottom('ok');
    const warning = bottom('warning');
    const over = bottom('over');
    expect(ok.g).toBeGreaterThan(ok.r);
    expect(warning.r).toBeGreaterThan(warning.g);
    expect(warning.g).toBeGreaterThan(warning.b + 100);
    expect(over.r).toBeGreaterThan(over.g + 100);
    expect([ok, warning, over].every((c) => c.a === 255)).toBe(true);
  });

  it('gives cleaning, paused, error and scanning a badge of their own colour, and normal none', () => {
    const states = ['cleaning', 'paused', 'error', 'scanning'] as const;
    for (const state of states) {
      expect(countPixels(draw({ sizePx: 22, state }), BADGE_COLORS[state])).toBeGreaterThan(10);
      expect(countPixels(draw({ sizePx: 22, state: 'normal' }), BADGE_COLORS[state])).toBe(0);
    }
    const images = (['normal', ...states] as TrayIconState[]).map((state) =>
      Buffer.from(draw({ state }).data).toString('hex'),
    );
    expect(new Set(images).size).toBe(5);
  });

  it('stripes the fill while cleaning, so the state shows even in the fill', () => {
    const fill = meterLayout(32).fillArea;
    const cleaning = draw({ sizePx: 32, state: 'cleaning', usagePercent: 100 });
    const row = fill.bottom - 1;
    const colours = new Set<string>();
    for (let x = fill.left; x < fill.right; x++) colours.add(JSON.stringify(at(cleaning, x, row)));
    expect(colours.size).toBe(2);
  });

  it('stays crisp: a handful of flat colours, no anti-aliased in-betweens', () => {
    for (const { sizePx, scale } of SIZES) {
      const png = draw({ sizePx, scale, state: 'paused', usagePercent: 60 });
      const colours = new Set<string>();
      for (let i = 0; i < png.data.length; i += 4)
        colours.add(Buffer.from(png.data.subarray(i, i + 4)).toString('hex'));
      expect(colours.size).toBeLessThanOrEqual(6);
    }
  });

  it('draws a monochrome template: black with alpha only, fill readable through alpha', () => {
    const fill = meterLayout(32).fillArea;
    for (const state of ['normal', 'cleaning', 'paused', 'error', 'scanning'] as TrayIconState[]) {
      const png = draw({ sizePx: 16, scale: 2, template: true, state, level: 'over', usagePercent: 60 });
      const alphas = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4) {
        expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([0, 0, 0]);
        alphas.add(png.data[i + 3] ?? -1);
      }
      expect(alphas.has(0) && alphas.has(255)).toBe(true);
    }
    const rows = STEP_USAGES.map((usagePercent) =>
      rowsMatching(
        draw({ sizePx: 16, scale: 2, template: true, usagePercent }),
        fill.left,
        (c) => c.a === 255,
      ),
    );
    expect(new Set(rows).size).toBe(FILL_STEPS + 1);
  });
});

describe('iconKey', () => {
  it('changes only when what the icon shows changes', () => {
    expect(iconKey({ ...base, usagePercent: 41 })).toBe(iconKey({ ...base, usagePercent: 44 }));
    expect(iconKey({ ...base, usagePercent: 41 })).not.toBe(iconKey({ ...base, usagePercent: 62 }));
    expect(iconKey({ ...base, level: 'warning' })).not.toBe(iconKey(base));
    expect(iconKey({ ...base, state: 'paused' })).not.toBe(iconKey(base));
    expect(iconKey({ ...base, scale: 2 })).not.toBe(iconKey(base));
    expect(iconKey({ ...base, template: true, level: 'ok' })).toBe(
      iconKey({ ...base, template: true, level: 'warning' }),
    );
  });

  it('agrees with the pixels: equal keys draw equal images', () => {
    for (let usagePercent = 0; usagePercent <= 120; usagePercent += 3) {
      const a = { ...base, usagePercent };
      const b = { ...base, usagePercent: usagePercent + 1 };
      const samePixels = Buffer.from(renderTrayIcon(a).data).equals(Buffer.from(renderTrayIcon(b).data));
      expect(iconKey(a) === iconKey(b)).toBe(samePixels);
    }
  });
});
