import { describe, expect, it } from 'vitest';
import { compileGlobs } from '../../../electron/core/glob-match.js';

describe('compileGlobs syntax', () => {
  it.each([
    // Character classes: sets, ranges, negation with ! or ^, ] first is literal; never a '/'.
    { pattern: 'x[abc]', path: 'xb', match: true },
    { pattern: 'x[a-c]', path: 'xd', match: false },
    { pattern: 'x[!a]', path: 'xb', match: true },
    { pattern: 'x[!a]', path: 'xa', match: false },
    { pattern: 'x[^a]', path: 'xb', match: true },
    { pattern: 'x[]a]', path: 'x]', match: true },
    { pattern: 'x[a-]', path: 'x-', match: true },
    { pattern: 'x[\\]]', path: 'x]', match: true },
    { pattern: 'a[!x]b', path: 'a/b', match: false },
    { pattern: 'a/[!x]', path: 'a/b', match: true },
    { pattern: 'x[[:digit:]]', path: 'x7', match: true },
    { pattern: 'x[[:alpha:][:digit:]_]', path: 'x_', match: true },
    { pattern: 'x[[:alpha:]]', path: 'x7', match: false },
    { pattern: 'x[z-a]', path: 'xb', match: false },
    // An unclosed bracket or brace is an ordinary character.
    { pattern: 'x[ab', path: 'x[ab', match: true },
    { pattern: 'x{a,b', path: 'x{a,b', match: true },
    { pattern: 'x{a}', path: 'x{a}', match: true },
    { pattern: 'x}', path: 'x}', match: true },
    // Braces: alternatives, nested, empty ones, with '/' inside (then the whole pattern is anchored).
    { pattern: '{a,b}{c,d}', path: 'bd', match: true },
    { pattern: 'x{a,{b,c}}', path: 'xc', match: true },
    { pattern: 'x{,.bak}', path: 'x', match: true },
    { pattern: 'x{,.bak}', path: 'x.bak', match: true },
    { pattern: '{a/b,c}', path: 'a/b', match: true },
    { pattern: '{a/b,c}', path: 'y/c', match: false },
    { pattern: 'x{a..c}', path: 'xb', match: true },
    { pattern: 'x{a..c}', path: 'xd', match: false },
    // Extglobs: @ one of, ? at most one, + one or more, * any number.
    { pattern: '@(a|b).txt', path: 'b.txt', match: true },
    { pattern: 'x?(a|b)y', path: 'xy', match: true },
    { pattern: 'x?(a|b)y', path: 'xaby', match: false },
    { pattern: 'x+(ab)', path: 'xababab', match: true },
    { pattern: 'x+(ab)', path: 'x', match: false },
    { pattern: 'x*(a|bc)y', path: 'xabcay', match: true },
    { pattern: 'x*(a|bc)y', path: 'xaby', match: false },
    // Outside an extglob, parentheses and '|' are ordinary characters.
    { pattern: '(a|b)', path: '(a|b)', match: true },
    { pattern: 'a|b', path: 'a', match: false },
    // A backslash escapes the next character.
    { pattern: 'x\\*', path: 'x*', match: true },
    { pattern: 'x\\*', path: 'xa', match: false },
    { pattern: 'x\\{a,b}', path: 'x{a,b}', match: true },
    // Regular-expression characters mean themselves.
    { pattern: 'a.b+c$', path: 'a.b+c$', match: true },
    { pattern: 'a.b', path: 'axb', match: false },
    // '**' is a globstar only as a whole segment; elsewhere it is a '*'.
    { pattern: 'a/**/b', path: 'a/b', match: true },
    { pattern: 'a/**/b', path: 'a/x/y/b', match: true },
    { pattern: 'a/**/b', path: 'a/xb', match: false },
    { pattern: 'a/**', path: 'a', match: true },
    { pattern: 'a/**b', path: 'a/x/b', match: false },
    { pattern: 'a/**b', path: 'a/xb', match: true },
    { pattern: '**/b/**/c', path: 'b/c', match: true },
    { pattern: 'a/**/**/b', path: 'a/b', match: true },
    { pattern: 'a/***/b', path: 'a/x/b', match: true },
    { pattern: 'a/***/b', path: 'a/x/y/b', match: false },
    { pattern: 'a**(x)', path: 'abxx', match: true },
    // '?' is one character, even one outside the Basic Multilingual Plane.
    { pattern: 'x?', path: 'x\u{1f600}', match: true },
    { pattern: 'x?', path: 'x/', match: false },
    { pattern: 'x??', path: 'x\u{1f600}', match: false },
  ])('$pattern vs $path → $match', ({ pattern, path, match }) => {
    expect(compileGlobs([pattern])(path)).toBe(match);
  });

  it.each([
    { pattern: '*.WAV', path: 'a.wav', match: true },
    { pattern: 'Keep/', path: 'KEEP/a', match: true },
    { pattern: 'x[A-C]', path: 'xb', match: true },
    { pattern: 'x[!A-C]', path: 'xb', match: false },
    { pattern: '\u00c9t\u00e9', path: '\u00e9T\u00c9', match: true },
  ])('ignoring case: $pattern vs $path → $match', ({ pattern, path, match }) => {
    expect(compileGlobs([pattern], { nocase: true })(path)).toBe(match);
  });
});
