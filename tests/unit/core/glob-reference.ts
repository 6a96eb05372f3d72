/**
 * A deliberately naive matcher with compileGlobs' documented meaning, for the property test: it expands
 * braces into strings, splits into segments and backtracks. Exponential on hostile input, so it is only
 * ever given short patterns and paths. It knows the syntax the property test generates: literals, `?`,
 * `*`, `**`, simple `[...]` classes, `{a,b}` and `@(a|b)` without nesting.
 */
export function referenceMatch(pattern: string, path: string, nocase = false): boolean {
  let p = pattern.trim();
  while (p.startsWith('./')) p = p.slice(2);
  const folderOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return false;
  const fold = (s: string) => (nocase ? s.toLowerCase() : s);
  const pathSegs = fold(path).split('/');
  // A globstar is a `**` that is a whole segment as written: one that braces leave alone (`{a,}**`) is not.
  const marked = fold(p).replace(/(^|\/)\*\*(?=\/|$)/g, `$1${GLOBSTAR}`);
  for (const alternative of expandBraces(marked)) {
    const patSegs = alternative.split('/');
    const starts = anchored ? [0] : pathSegs.map((_, i) => i);
    for (const start of starts) {
      // The pattern may name the path itself or any folder above it (everything inside a folder matches).
      const lastEnd = folderOnly ? pathSegs.length - 1 : pathSegs.length;
      for (let end = start; end <= lastEnd; end++) {
        if (matchSegments(patSegs, pathSegs.slice(start, end))) return true;
      }
    }
  }
  return false;
}

const GLOBSTAR = '\0';

function expandBraces(p: string): string[] {
  const m = /\{([^{}]*)\}|@\(([^()]*)\)/.exec(p);
  if (!m) return [p];
  const options = m[1] !== undefined ? m[1].split(',') : m[2]!.split('|');
  if (m[1] !== undefined && options.length < 2) return [p];
  const before = p.slice(0, m.index);
  const after = p.slice(m.index + m[0].length);
  return options.flatMap((o) => expandBraces(before + o + after));
}

function matchSegments(pat: readonly string[], segs: readonly string[]): boolean {
  if (pat.length === 0) return segs.length === 0;
  const [head, ...rest] = pat;
  if (head === GLOBSTAR) {
    for (let skip = 0; skip <= segs.length; skip++) if (matchSegments(rest, segs.slice(skip))) return true;
    return false;
  }
  return segs.length > 0 && matchSegment(head!, segs[0]!) && matchSegments(rest, segs.slice(1));
}

function matchSegment(pat: string, s: string): boolean {
  if (pat === '') return s === '';
  const c = pat[0]!;
  if (c === '*') {
    for (let k = 0; k <= s.length; k++) if (matchSegment(pat.slice(1), s.slice(k))) return true;
    return false;
  }
  if (s === '') return false;
  if (c === '?') return matchSegment(pat.slice(1), s.slice(1));
  if (c === '[') {
    const close = pat.indexOf(']', 2);
    if (close > 0) {
      const negated = pat[1] === '!' || pat[1] === '^';
      const body = pat.slice(negated ? 2 : 1, close);
      return inClass(body, s[0]!) !== negated && matchSegment(pat.slice(close + 1), s.slice(1));
    }
  }
  return c === s[0] && matchSegment(pat.slice(1), s.slice(1));
}

function inClass(body: string, ch: string): boolean {
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (ch >= body[i]! && ch <= body[i + 2]!) return true;
      i += 2;
    } else if (body[i] === ch) return true;
  }
  return false;
}
