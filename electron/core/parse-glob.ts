/**
 * Parses one glob into a tree of what each path character may be, for the automaton to follow.
 */
import { parseGlobClass, type GlobClass } from './parse-glob-class.js';

/** What one path character may be. */
export type GlobChar =
  | { kind: 'literal'; codePoint: number }
  /** Any character but `/`. */
  | { kind: 'segment' }
  /** Any character, `/` included. */
  | { kind: 'any' }
  | { kind: 'class'; glob: GlobClass };

export type GlobNode =
  | { kind: 'char'; char: GlobChar }
  | { kind: 'seq'; items: GlobNode[] }
  | { kind: 'alt'; branches: GlobNode[] }
  /** `body` at least `min` times and at most `max` (1 or Infinity). */
  | { kind: 'repeat'; body: GlobNode; min: 0 | 1; max: number };

const charNode = (char: GlobChar): GlobNode => ({ kind: 'char', char });
const SLASH = 0x2f;
const slashNode = charNode({ kind: 'literal', codePoint: SLASH });
const segmentRun: GlobNode = { kind: 'repeat', body: charNode({ kind: 'segment' }), min: 0, max: Infinity };
const anyRun: GlobNode = { kind: 'repeat', body: charNode({ kind: 'any' }), min: 0, max: Infinity };
const optional = (items: GlobNode[]): GlobNode => ({
  kind: 'repeat',
  body: { kind: 'seq', items },
  min: 0,
  max: 1,
});
const EXTGLOB_REPEAT: Record<string, [0 | 1, number]> = {
  '?': [0, 1],
  '*': [0, Infinity],
  '+': [1, Infinity],
};

/**
 * Parses a glob: `?`, `*`, `**` as a whole segment, `[...]` classes, `{a,b}` (nested, or a `{a..z}` range
 * of single characters), the extglobs `@(a|b)`, `?(a|b)`, `*(a|b)`, `+(a|b)`, and `\` escapes. Anything
 * else, an unclosed bracket or brace included, is an ordinary character.
 */
export function parseGlob(pattern: string): GlobNode {
  const src = new Source(pattern);
  return parseSeq(src, 0, src.chars.length);
}

/** A pattern's characters (code points) and its classes, each parsed once: quadratic at worst. */
class Source {
  readonly chars: readonly string[];
  private readonly classes = new Map<number, ReturnType<typeof parseGlobClass>>();

  constructor(pattern: string) {
    this.chars = Array.from(pattern);
  }

  /** The class opening at `i` and ending by `to`, if there is one. */
  classAt(i: number, to: number): { glob: GlobClass; end: number } | null {
    if (this.chars[i] !== '[') return null;
    let cls = this.classes.get(i);
    if (cls === undefined) {
      cls = parseGlobClass(this.chars, i);
      this.classes.set(i, cls);
    }
    return cls && cls.end <= to ? cls : null;
  }
}

function parseSeq(src: Source, from: number, to: number): GlobNode {
  const chars = src.chars;
  const items: GlobNode[] = [];
  let i = from;
  while (i < to) {
    const c = chars[i]!;
    const group = groupAt(src, i, to);
    const cls = src.classAt(i, to);
    if (group) {
      items.push(group.node);
      i = group.end;
    } else if (c === '*') {
      i = pushStars(chars, i, to, items);
    } else if (c === '?') {
      items.push(charNode({ kind: 'segment' }));
      i++;
    } else if (cls) {
      items.push(charNode({ kind: 'class', glob: cls.glob }));
      i = cls.end;
    } else {
      if (c === '\\' && i + 1 < to) i++;
      items.push(charNode({ kind: 'literal', codePoint: chars[i]!.codePointAt(0)! }));
      i++;
    }
  }
  return items.length === 1 ? items[0]! : { kind: 'seq', items };
}

/**
 * A run of `*` from `chars[i]`: any run of non-`/` characters, unless it is exactly `**` and a whole
 * segment (as in .gitignore, `***` is a `*`): then a globstar, zero or more whole segments. A globstar
 * takes one neighbouring `/` with it, so that zero segments leave one `/`: `a/**` matches `a`, and
 * `a/**` + `/b` matches `a/b`.
 */
function pushStars(chars: readonly string[], i: number, to: number, items: GlobNode[]): number {
  let end = i + 1;
  // `**(a)` is a `*` and then the extglob `*(a)`.
  while (end < to && chars[end] === '*' && chars[end + 1] !== '(') end++;
  const globstar =
    end - i === 2 && (i === 0 || chars[i - 1] === '/') && (end === chars.length || chars[end] === '/');
  const last = items.at(-1);
  if (!globstar) {
    items.push(segmentRun);
  } else if (last?.kind === 'char' && last.char.kind === 'literal' && last.char.codePoint === SLASH) {
    items[items.length - 1] = optional([slashNode, anyRun]);
  } else if (chars[end] === '/' && end < to) {
    items.push(optional([anyRun, slashNode]));
    return end + 1;
  } else {
    items.push(anyRun);
  }
  return end;
}

/** A `{...}` or extglob group opening at `chars[i]`, or null when there is none. */
function groupAt(src: Source, i: number, to: number): { node: GlobNode; end: number } | null {
  const chars = src.chars;
  const c = chars[i]!;
  if (c === '{') {
    const scan = scanGroup(src, i + 1, to, '{', '}', ',');
    if (!scan) return null;
    if (scan.seps.length > 0) return { node: alternatives(src, i + 1, scan), end: scan.close + 1 };
    const range = chars.slice(i + 1, scan.close);
    if (range.length !== 4 || range[1] !== '.' || range[2] !== '.') return null;
    const [a, b] = [range[0]!.codePointAt(0)!, range[3]!.codePointAt(0)!];
    const glob = { negated: false, ranges: [Math.min(a, b), Math.max(a, b)] };
    return { node: charNode({ kind: 'class', glob }), end: scan.close + 1 };
  }
  if ('@?*+'.includes(c) && chars[i + 1] === '(') {
    const scan = scanGroup(src, i + 2, to, '(', ')', '|');
    if (!scan) return null;
    const body = alternatives(src, i + 2, scan);
    const repeat = EXTGLOB_REPEAT[c];
    const node: GlobNode = repeat ? { kind: 'repeat', body, min: repeat[0], max: repeat[1] } : body;
    return { node, end: scan.close + 1 };
  }
  return null;
}

function alternatives(src: Source, from: number, scan: { seps: number[]; close: number }): GlobNode {
  const bounds = [from - 1, ...scan.seps, scan.close];
  const branches = bounds.slice(1).map((end, k) => parseSeq(src, bounds[k]! + 1, end));
  return branches.length === 1 ? branches[0]! : { kind: 'alt', branches };
}

/**
 * Finds the `close` that ends a group whose body starts at `from`, and its top-level separators; skips
 * escapes, classes and nested groups of either kind. Null when the group is not closed before `to`.
 */
function scanGroup(
  src: Source,
  from: number,
  to: number,
  open: string,
  close: string,
  sep: string,
): { seps: number[]; close: number } | null {
  const seps: number[] = [];
  const [otherOpen, otherClose] = open === '{' ? ['(', ')'] : ['{', '}'];
  let depth = 0;
  let otherDepth = 0;
  for (let j = from; j < to; j++) {
    const c = src.chars[j];
    const cls = src.classAt(j, to);
    if (c === '\\') j++;
    else if (cls) j = cls.end - 1;
    else if (c === open) depth++;
    else if (c === close && depth === 0) return { seps, close: j };
    else if (c === close) depth--;
    else if (c === otherOpen) otherDepth++;
    else if (c === otherClose) otherDepth = Math.max(0, otherDepth - 1);
    else if (c === sep && depth === 0 && otherDepth === 0) seps.push(j);
  }
  return null;
}
