/**
 * File names as bytes in strings (PEP 383 "surrogateescape"). A POSIX name is any bytes but NUL and `/`;
 * one that is not valid UTF-8 (written by another platform or a broken tool) would decode to U+FFFD and
 * name no file at all. Here each byte that is not part of a valid UTF-8 sequence decodes to the lone
 * surrogate U+DC80+byte instead, so the engine keeps string paths and still names every file exactly.
 * Valid UTF-8 decodes as it always did (a real U+FFFD included); lone surrogates survive JSON (as `\udcff`),
 * structured clone and worker messages, so history and the HTTP API carry such names exactly.
 */

const lossy = new TextDecoder('utf-8');
const encoder = new TextEncoder();
/** A lone surrogate in U+DC80–U+DCFF: an escaped byte. The `u` flag keeps the low half of a pair out. */
const ESCAPE = /[\uDC80-\uDCFF]/u;
const ESCAPES = /[\uDC80-\uDCFF]/gu;
/** Something a person would read as an escaped byte. */
const LOOKS_ESCAPED = /\\x[0-9a-f]{2}/i;

/** True when `name` holds an escaped byte (it was not valid UTF-8 on disk). */
export function hasEscapes(name: string): boolean {
  return ESCAPE.test(name);
}

/** The string for a name's bytes: UTF-8, with each stray byte as U+DC80+byte. */
export function decodeName(bytes: Uint8Array): string {
  const text = lossy.decode(bytes);
  // U+FFFD marks a stray byte, or a real U+FFFD in the name (rare): only then decode by hand.
  return text.includes('\uFFFD') ? decodeEscaping(bytes) : text;
}

/** The bytes `decodeName` read `name` from: UTF-8, each escape back to its byte. */
export function encodeName(name: string): Uint8Array {
  if (!hasEscapes(name)) return encoder.encode(name);
  const out: number[] = [];
  for (const char of name) {
    const cp = char.codePointAt(0) as number;
    if (cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00);
    else for (const b of encoder.encode(char)) out.push(b);
  }
  return new Uint8Array(out);
}

/**
 * A name for people (CLI text, dashboard, notes): each escaped byte as `\xNN`. So that this never looks
 * like another name, a name that holds an escape, or text that reads like one (`\x` and two hex digits),
 * has its literal backslashes doubled, as Python's repr does; every other name is shown as it is.
 */
export function displayName(name: string): string {
  if (!hasEscapes(name) && !LOOKS_ESCAPED.test(name)) return name;
  return name
    .replace(/\\/g, '\\\\')
    .replace(ESCAPES, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16).padStart(2, '0')}`);
}

/** Length of the valid UTF-8 sequence at `i` (Unicode Table 3-7), or 0 when the byte there starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i] as number;
  if (lead < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = b[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const [lo, hi] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const [lo, hi] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Valid runs through TextDecoder, each stray byte as its escape. */
function decodeEscaping(bytes: Uint8Array): string {
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out += lossy.decode(bytes.subarray(runStart, i)) + String.fromCharCode(0xdc00 + (bytes[i] as number));
    runStart = ++i;
  }
  return out + lossy.decode(bytes.subarray(runStart));
}
