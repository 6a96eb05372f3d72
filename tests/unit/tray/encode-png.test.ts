import { describe, expect, it } from 'vitest';
import * as zlib from 'node:zlib';
import { crc32, encodePng } from '../../../electron/main/tray/encode-png.js';
import { createImage, setPixel } from '../../../electron/main/tray/pixel-image.js';
import { decodePng } from './decode-png.js';

describe('encodePng', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
    const nodeCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
    if (nodeCrc) expect(crc32(Buffer.from('IEND'))).toBe(nodeCrc(Buffer.from('IEND')));
  });

  it('round-trips arbitrary RGBA pixels through a PNG file', () => {
    const image = createImage(7, 5);
    for (let y = 0; y < 5; y++) {
      for (let x = 0; x < 7; x++) {
        setPixel(image, x, y, { r: x * 30, g: y * 50, b: (x * y * 17) % 256, a: (x + y) * 20 }, 'replace');
      }
    }
    const png = encodePng(image);
    const decoded = decodePng(png);
    expect(decoded.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([decoded.widthPx, decoded.heightPx]).toEqual([7, 5]);
    expect(Buffer.from(decoded.data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('refuses pixel data that does not match the stated size', () => {
    expect(() => encodePng({ widthPx: 4, heightPx: 4, data: new Uint8Array(10) })).toThrow(/does not match/);
  });
});
