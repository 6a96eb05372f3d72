/**
 * The `exclude` and `protect` globs of a folder, compiled once per plan.
 */
import picomatch from 'picomatch';

export interface GlobOptions {
  /** Match without regard to case (what a Windows or default macOS volume does). Default false. */
  nocase?: boolean;
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
 * - `*` and `?` stay within one path segment; `**` spans any number of segments (`a/**` matches all of `a`);
 *   `{a,b}`, `[abc]` and `@(a|b)` work as in picomatch.
 * - Dotfiles and dot-folders match like any other name (`*` matches `.hidden`).
 * - A leading `!` has no special meaning (no re-include): it is an ordinary character.
 *
 * An empty list matches nothing. Matching is case-sensitive unless `options.nocase` is set.
 */
export function compileGlobs(
  patterns: readonly string[],
  options: GlobOptions = {},
): (relPath: string) => boolean {
  const expanded = patterns.flatMap(expandPattern);
  if (expanded.length === 0) return () => false;
  const nocase = options.nocase ?? false;
  // One alternation instead of picomatch's list matcher: a folder of a million files tests every path.
  const sources = expanded.map(
    (p) => `(?:${picomatch.makeRe(p, { dot: true, nonegate: true, nocase, windows: false }).source})`,
  );
  const re = new RegExp(sources.join('|'), nocase ? 'i' : '');
  return (relPath) => re.test(relPath);
}

/** Rewrites one .gitignore-style pattern into the picomatch patterns that mean the same thing. */
function expandPattern(pattern: string): string[] {
  let p = pattern.trim();
  while (p.startsWith('./')) p = p.slice(2);
  const folderOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return [];
  const base = anchored ? p : `**/${p}`;
  return folderOnly ? [`${base}/**/*`] : [base, `${base}/**/*`];
}
