/**
 * Thompson's construction: a glob tree becomes a nondeterministic automaton with one state per character
 * test and one per choice, so its size is linear in the pattern's.
 */
import { foldCase } from './fold-case.js';
import { globClassTest } from './parse-glob-class.js';
import type { GlobChar, GlobNode } from './parse-glob.js';

/** A state that reads one character when its test passes, then goes to `next[state]`. */
export const READ = 0;
/** A state that goes, reading nothing, to both `next[state]` and `alt[state]`. */
export const SPLIT = 1;
/** The state reached when a whole path has matched. */
export const MATCH = 2;

export interface GlobNfa {
  readonly kind: readonly number[];
  readonly next: readonly number[];
  readonly alt: readonly number[];
  /** The character test of each READ state, null for the others. */
  readonly test: readonly (((codePoint: number) => boolean) | null)[];
  readonly start: number;
  /** The READ and MATCH states, in increasing order: an automaton state is a subset of them. */
  readonly readers: Int32Array;
}

/** Builds one automaton that matches a path when any of the globs matches all of it. */
export function buildGlobNfa(globs: readonly GlobNode[], nocase: boolean): GlobNfa {
  const kind: number[] = [];
  const next: number[] = [];
  const alt: number[] = [];
  const test: (((codePoint: number) => boolean) | null)[] = [];
  const add = (k: number, to: number, or: number, t: ((codePoint: number) => boolean) | null) => {
    kind.push(k);
    next.push(to);
    alt.push(or);
    test.push(t);
    return kind.length - 1;
  };
  const split = (to: number, or: number) => add(SPLIT, to, or, null);

  // Built back to front: each node is compiled knowing the state that follows it, and returns its entry.
  const compile = (node: GlobNode, after: number): number => {
    switch (node.kind) {
      case 'char':
        return add(READ, after, -1, charTest(node.char, nocase));
      case 'seq':
        return node.items.reduceRight((entry, item) => compile(item, entry), after);
      case 'alt':
        return node.branches
          .map((branch) => compile(branch, after))
          .reduceRight((rest, entry) => split(entry, rest));
      case 'repeat': {
        if (node.max === 1) return split(compile(node.body, after), after);
        const loop = split(-1, after);
        const body = compile(node.body, loop);
        next[loop] = body;
        return node.min === 0 ? loop : body;
      }
    }
  };
  const match = add(MATCH, -1, -1, null);
  const start = globs.length === 0 ? -1 : compile({ kind: 'alt', branches: [...globs] }, match);
  const readers = Int32Array.from(kind.flatMap((k, state) => (k === SPLIT ? [] : [state])));
  return { kind, next, alt, test, start, readers };
}

function charTest(char: GlobChar, nocase: boolean): (codePoint: number) => boolean {
  switch (char.kind) {
    case 'literal': {
      const literal = char.codePoint;
      const folded = foldCase(literal);
      return nocase ? (c) => c === literal || foldCase(c) === folded : (c) => c === literal;
    }
    case 'segment':
      return (c) => c !== 0x2f;
    case 'any':
      return () => true;
    case 'class':
      return globClassTest(char.glob, nocase);
  }
}
