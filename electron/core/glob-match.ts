/**
 * The `exclude` and `protect` globs of a folder, compiled once per plan.
 */
import { GlobAutomaton } from './glob-automaton.js';
import { buildGlobNfa } from './glob-nfa.js';
import { parseGlob } from './parse-glob.js';
import type { FolderRules } from '../../shared/types.js';

export interface GlobOptions {
  /** Match without regard to case (what a Windows or default macOS volume does). Default false. */
  nocase?: boolean;
}

/**
 * How one folder's globs match, decided once from its `case_sensitive_globs`: planning, the executor, the
 * scanner and the watcher all compile that folder's globs with these options, so a preview and its run agree.
 */
export function folderGlobOptions(rules: Pick<FolderRules, 'caseSensitiveGlobs'>): GlobOptions {
  return { nocase: !rules.caseSensitiveGlobs };
}

/**
 * Compiles a folder's glob list into one predicate over paths relative to the folder root (`/`-separated,
 * no leading `./`). Semantics, like .gitignore:
 *
 * - A pattern without a `/` matches a name at any depth: `*.keep` matches `a.keep` and `x/y/a.keep`.
 *   When that name is a folder, everything inside it matches too: `cache` matches `cache/a` and `x/cache/b`.
 * - A pattern with a `/` in it is anchored at the root: `keep/*.wav` matches `keep/a.wav`, not
 *   `x/keep/a.wav`. A leading `/` only anchors (`/a.txt` matches `a.txt` at the root and nowhere else).
 *   It matches everything inside a folder it names: `keep/old` matches `keep/old/a.wav`.
 * - A trailing `/` means "the folder, with everything inside it": `tmp/` matches `tmp/a` and `x/tmp/a`,
 *   but not a file named `tmp`.
 * - `*` and `?` stay within one path segment; `?` is one character (a code point: an emoji is one).
 *   `**` as a whole segment spans any number of segments, none included: `a/**` matches `a` and all of
 *   `a`, and `a/**` followed by `/b` matches `a/b`. Elsewhere `**`, like `***`, is a `*`.
 * - `[abc]`, `[a-z]`, `[!x]` or `[^x]`, `[[:digit:]]` and `{a..z}` match one character, never `/`.
 *   `{a,b}` (nested too) are alternatives; so are the extglobs `@(a|b)`, `?(a|b)` (at most one), `*(a|b)`
 *   (any number) and `+(a|b)` (one or more). `\` escapes the next character. Anything else is itself:
 *   `!(a)`, `(`, `|`, `.`, `+`, an unclosed `[` or `{`.
 * - Dotfiles and dot-folders match like any other name (`*` matches `.hidden`).
 * - A leading `!` has no special meaning (no re-include): it is an ordinary character. Config loading
 *   refuses a `protect` or `exclude` pattern that starts with one, so nobody relies on it negating.
 *
 * An empty list matches nothing. Matching is case-sensitive unless `options.nocase` is set.
 *
 * Whoever can write in a folder chooses its names, so matching never backtracks: the time per path is
 * linear in its length times the size of the patterns, whatever both are (see glob-automaton.ts).
 */
export function compileGlobs(
  patterns: readonly string[],
  options: GlobOptions = {},
): (relPath: string) => boolean {
  return compileGlobsWithStats(patterns, options).isMatch;
}

/** What {@link compileGlobsWithStats} returns: the predicate, and the work it has done so far. */
export interface GlobMatcherWithStats {
  isMatch: (relPath: string) => boolean;
  /** Automaton states touched and characters read, over every call so far. */
  steps: () => number;
}

/**
 * {@link compileGlobs}, counting its work, for tests that bound it without a clock. `cachedStates` bounds
 * the automaton's cache (a test sets it low to make every transition cost a full step).
 */
export function compileGlobsWithStats(
  patterns: readonly string[],
  options: GlobOptions & { cachedStates?: number } = {},
): GlobMatcherWithStats {
  const globs = patterns.flatMap(expandPattern).map(parseGlob);
  if (globs.length === 0) return { isMatch: () => false, steps: () => 0 };
  const automaton = new GlobAutomaton(buildGlobNfa(globs, options.nocase ?? false), options.cachedStates);
  return { isMatch: (relPath) => automaton.matches(relPath), steps: () => automaton.steps };
}

/**
 * Rewrites one .gitignore-style pattern into the glob over whole paths that means the same thing (none
 * for a blank one). A trailing `/**` stands for the path itself or anything inside it.
 */
function expandPattern(pattern: string): string[] {
  let p = pattern.trim();
  while (p.startsWith('./')) p = p.slice(2);
  const folderOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return [];
  const base = anchored ? p : `**/${p}`;
  return [folderOnly ? `${base}/**/*` : `${base}/**`];
}
