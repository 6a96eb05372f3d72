import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeName, displayName, encodeName, hasEscapes } from '../../../shared/byte-names.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Byte strings as a file name or relative path can hold them: anything but NUL ('/' allowed in paths). */
const nameBytesArb = fc.uint8Array({ minLength: 0, maxLength: 64 }).map((b) => b.filter((x) => x !== 0));
/** Byte strings biased towards UTF-8 pieces, broken sequences and the bytes around the valid ranges. */
const mixedBytesArb = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }).map((s) => Array.from(utf8(s))),
      fc.constantFrom(
        [0xff],
        [0xc0, 0xaf],
        [0xc3],
        [0xe2, 0x82],
        [0xed, 0xa0, 0x80], // an encoded surrogate: not UTF-8
        [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
        [0xf0, 0x9f, 0x98],
        [0x80],
        [0xef, 0xbf, 0xbd], // a real U+FFFD
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => new Uint8Array(parts.flat().filter((x) => x !== 0)));

describe('decodeName / encodeName (PEP 383 surrogateescape)', () => {
  it('decodes valid UTF-8 exactly as TextDecoder does, with no escapes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeName(utf8(s))).toBe(s);
        expect(hasEscapes(s)).toBe(false);
      }),
    );
  });

  it('turns each byte outside a valid sequence into U+DC80+byte', () => {
    expect(decodeName(bytes(0x66, 0xff, 0x2e, 0x77, 0x61, 0x76))).toBe('f\udcff.wav');
    expect(decodeName(bytes(0xc3, 0x2e))).toBe('\udcc3.');
    expect(decodeName(bytes(0xc3, 0xa9, 0xe9))).toBe('é\udce9');
    expect(decodeName(bytes(0xed, 0xa0, 0x80))).toBe('\udced\udca0\udc80');
    expect(decodeName(bytes(0xf0, 0x9f, 0x98, 0x80, 0xf0, 0x9f))).toBe('😀\udcf0\udc9f');
    expect(decodeName(bytes(0xc0, 0xaf))).toBe('\udcc0\udcaf');
  });

  it('keeps a real U+FFFD as it is', () => {
    expect(decodeName(utf8('ok\ufffd.wav'))).toBe('ok\ufffd.wav');
    expect(hasEscapes('ok\ufffd.wav')).toBe(false);
    expect(encodeName('ok\ufffd.wav')).toEqual(utf8('ok\ufffd.wav'));
  });

  it('encode(decode(b)) gives back every byte string', () => {
    for (const arb of [nameBytesArb, mixedBytesArb]) {
      fc.assert(
        fc.property(arb, (b) => {
          expect(encodeName(decodeName(b))).toEqual(b);
        }),
      );
    }
  });

  it('decode(encode(s)) gives back every string decode can produce', () => {
    for (const arb of [nameBytesArb, mixedBytesArb]) {
      fc.assert(
        fc.property(arb, (b) => {
          const s = decodeName(b);
          expect(decodeName(encodeName(s))).toBe(s);
        }),
      );
    }
  });

  it('survives JSON, as history and the HTTP API carry it', () => {
    fc.assert(
      fc.property(mixedBytesArb, (b) => {
        const s = decodeName(b);
        const json = JSON.stringify({ path: s });
        expect(/\p{Cs}/u.test(json)).toBe(false); // no lone surrogate in the text itself
        expect(encodeName((JSON.parse(json) as { path: string }).path)).toEqual(b);
      }),
    );
  });

  it('sees escapes only in lone surrogates, not in the low half of a real pair', () => {
    expect(hasEscapes('f\udcff')).toBe(true);
    expect(hasEscapes('\ud800\udc80')).toBe(false); // U+10080, valid
    expect(encodeName('\ud800\udc80')).toEqual(utf8('\u{10080}'));
  });
});

describe('displayName', () => {
  it('shows a name without escapes or anything that looks like one as it is', () => {
    expect(displayName('sub/take 1.wav')).toBe('sub/take 1.wav');
    expect(displayName('a\\b.wav')).toBe('a\\b.wav');
    expect(displayName('ok\ufffd.wav')).toBe('ok\ufffd.wav');
  });

  it('shows each escaped byte as \\xNN and then doubles literal backslashes', () => {
    expect(displayName('f\udcff.wav')).toBe('f\\xff.wav');
    expect(displayName('d\udcfe/g\udcc3.wav')).toBe('d\\xfe/g\\xc3.wav');
    expect(displayName('a\\b\udc80')).toBe('a\\\\b\\x80');
  });

  it('doubles the backslash of a name that reads like an escape, so the two never look alike', () => {
    expect(displayName('f\\xff.wav')).toBe('f\\\\xff.wav');
    expect(displayName('f\\xff.wav')).not.toBe(displayName('f\udcff.wav'));
  });

  it('shows different names differently', () => {
    const nameArb = fc
      .array(fc.constantFrom('\\', 'x', 'f', 'F', '0', 'a', '\udcff', '\udc80', '\ufffd'), { maxLength: 8 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        fc.pre(a !== b);
        expect(displayName(a)).not.toBe(displayName(b));
      }),
    );
  });
});
