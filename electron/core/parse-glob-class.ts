/**
 * The `[...]` character classes of a glob.
 */
import { foldCase, lowerCase } from './fold-case.js';

/** A set of characters as code-point ranges: `[lo0, hi0, lo1, hi1, ...]`, both ends included. */
export interface GlobClass {
  negated: boolean;
  ranges: number[];
}

/** POSIX classes, ASCII only as in picomatch. */
const POSIX: Record<string, string> = {
  alnum: '09AZaz',
  alpha: 'AZaz',
  ascii: '\x00\x7f',
  blank: '  \t\t',
  cntrl: '\x00\x1f\x7f\x7f',
  digit: '09',
  graph: '!~',
  lower: 'az',
  print: ' ~',
  punct: '!/:@[`{~',
  space: '\t\r  ',
  upper: 'AZ',
  word: '09AZ__az',
  xdigit: '09AFaf',
};

/**
 * Parses the class that opens at `chars[open]` (a `[`). Returns null when there is no closing `]`, and the
 * `[` is then an ordinary character. Supports `[!...]` and `[^...]`, ranges `a-z`, a `]` or `-` first or
 * last as itself, `\` escapes and `[:alpha:]`-style POSIX names.
 */
export function parseGlobClass(
  chars: readonly string[],
  open: number,
): { glob: GlobClass; end: number } | null {
  let i = open + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  const ranges: number[] = [];
  for (let first = true; i < chars.length; first = false) {
    if (chars[i] === ']' && !first) return { glob: { negated, ranges }, end: i + 1 };
    const posix = chars[i] === '[' && chars[i + 1] === ':' ? posixAt(chars, i) : null;
    if (posix) {
      for (let k = 0; k < posix.bounds.length; k += 2) {
        ranges.push(posix.bounds.charCodeAt(k), posix.bounds.charCodeAt(k + 1));
      }
      i = posix.end;
      continue;
    }
    const lo = memberAt(chars, i);
    if (!lo) return null;
    i = lo.end;
    const hi = chars[i] === '-' && chars[i + 1] !== ']' ? memberAt(chars, i + 1) : null;
    if (hi) i = hi.end;
    // A reversed range such as z-a holds nothing, as it did when picomatch's RegExp failed to compile.
    ranges.push(lo.codePoint, hi ? hi.codePoint : lo.codePoint);
  }
  return null;
}

/** One member character, escaped or not. */
function memberAt(chars: readonly string[], i: number): { codePoint: number; end: number } | null {
  const escaped = chars[i] === '\\' && i + 1 < chars.length;
  const ch = chars[escaped ? i + 1 : i];
  return ch === undefined ? null : { codePoint: ch.codePointAt(0)!, end: escaped ? i + 2 : i + 1 };
}

function posixAt(chars: readonly string[], i: number): { bounds: string; end: number } | null {
  const close = chars.indexOf(':', i + 2);
  if (close < 0 || chars[close + 1] !== ']') return null;
  const bounds = POSIX[chars.slice(i + 2, close).join('')];
  return bounds === undefined ? null : { bounds, end: close + 2 };
}

/**
 * The test of a class against one code point: never `/`; without regard to case when `nocase` is set (a
 * character is in the class when its upper or lower case is).
 */
export function globClassTest(glob: GlobClass, nocase: boolean): (codePoint: number) => boolean {
  const has = (codePoint: number) => {
    for (let k = 0; k < glob.ranges.length; k += 2) {
      if (codePoint >= glob.ranges[k]! && codePoint <= glob.ranges[k + 1]!) return true;
    }
    return false;
  };
  return (codePoint) => {
    if (codePoint === 0x2f) return false;
    const folded = nocase ? foldCase(codePoint) : codePoint;
    const member = has(codePoint) || (nocase && (has(folded) || has(lowerCase(folded))));
    return member !== glob.negated;
  };
}
