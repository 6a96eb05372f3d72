import { describe, expect, it } from 'vitest';
import { encodeIco } from '../../../electron/main/tray/encode-ico.js';
import { encodePng } from '../../../electron/main/tray/encode-png.js';
import { renderTrayIcon } from '../../../electron/main/tray/render-tray-icon.js';
import { decodePng } from './decode-png.js';

/** Reads an .ico file's directory back, as Windows' LoadImage does, and decodes each PNG entry. */
function readIco(file: Buffer) {
  expect([file.readUInt16LE(0), file.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const at = 6 + i * 16;
    const size = file.readUInt32LE(at + 8);
    const offset = file.readUInt32LE(at + 12);
    const png = decodePng(file.subarray(offset, offset + size));
    return { width: file.readUInt8(at) || 256, height: file.readUInt8(at + 1) || 256, png };
  });
}

describe('encodeIco', () => {
  it('holds one sharp tray image per Windows scale factor, each at its own pixel size', () => {
    const scales = [1, 1.25, 1.5, 2, 2.5, 3];
    const entries = scales.map((scale) => {
      const image = renderTrayIcon({
        usagePercent: 82,
        level: 'warning',
        state: 'normal',
        sizePx: 16,
        scale,
        template: false,
      });
      return { widthPx: image.widthPx, heightPx: image.heightPx, png: encodePng(image) };
    });
    const read = readIco(encodeIco(entries));
    expect(read.map((e) => e.width)).toEqual([16, 20, 24, 32, 40, 48]);
    for (const entry of read)
      expect([entry.png.widthPx, entry.png.heightPx]).toEqual([entry.width, entry.height]);
  });

  it('writes 256 px as 0, as the format asks, and refuses what it cannot hold', () => {
    const png = Buffer.from([1, 2, 3]);
    const file = encodeIco([{ widthPx: 256, heightPx: 256, png }]);
    expect([file.readUInt8(6), file.readUInt8(7)]).toEqual([0, 0]);
    expect(() => encodeIco([])).toThrow(/at least one image/);
    expect(() => encodeIco([{ widthPx: 300, heightPx: 300, png }])).toThrow(/1 to 256 pixels/);
  });
});
