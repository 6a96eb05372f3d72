/**
 * Case folding of single characters, for matching names without regard to case.
 */

/**
 * The code point that stands for a character's case class: its upper case when that is one character,
 * else the character itself. A non-ASCII letter never folds to an ASCII one (as in a JavaScript RegExp's
 * `i` flag, so `ſ` stays apart from `s`).
 */
export function foldCase(codePoint: number): number {
  if (codePoint < 0x80) return codePoint >= 0x61 && codePoint <= 0x7a ? codePoint - 0x20 : codePoint;
  const upper = singleCodePoint(String.fromCodePoint(codePoint).toUpperCase());
  return upper === null || upper < 0x80 ? codePoint : upper;
}

/** The lower case of a character when that is one character and not ASCII from non-ASCII, else itself. */
export function lowerCase(codePoint: number): number {
  if (codePoint < 0x80) return codePoint >= 0x41 && codePoint <= 0x5a ? codePoint + 0x20 : codePoint;
  const lower = singleCodePoint(String.fromCodePoint(codePoint).toLowerCase());
  return lower === null || lower < 0x80 ? codePoint : lower;
}

function singleCodePoint(s: string): number | null {
  const codePoint = s.codePointAt(0);
  return codePoint !== undefined && s.length === (codePoint > 0xffff ? 2 : 1) ? codePoint : null;
}
