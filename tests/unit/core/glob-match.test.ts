import { describe, expect, it } from 'vitest';
import { compileGlobs } from '../../../electron/core/glob-match.js';

describe('compileGlobs', () => {
  it.each([
    // A pattern without '/' matches a name at any depth.
    { pattern: '*.keep', path: 'a.keep', match: true },
    { pattern: '*.keep', path: 'x/y/a.keep', match: true },
    { pattern: '*.keep', path: 'a.keep.wav', match: false },
    // ...and, naming a folder, everything inside it.
    { pattern: 'cache', path: 'cache/a.bin', match: true },
    { pattern: 'cache', path: 'x/cache/y/a.bin', match: true },
    { pattern: 'cache', path: 'x/mycache/a.bin', match: false },
    // A pattern with '/' is anchored at the root.
    { pattern: 'keep/*.wav', path: 'keep/a.wav', match: true },
    { pattern: 'keep/*.wav', path: 'x/keep/a.wav', match: false },
    { pattern: 'keep/*.wav', path: 'keep/sub/a.wav', match: false },
    { pattern: 'keep/old', path: 'keep/old/a.wav', match: true },
    { pattern: '/a.txt', path: 'a.txt', match: true },
    { pattern: '/a.txt', path: 'x/a.txt', match: false },
    { pattern: './a.txt', path: 'a.txt', match: true },
    // A trailing '/' means the folder's contents, not a file of that name.
    { pattern: 'tmp/', path: 'tmp/a', match: true },
    { pattern: 'tmp/', path: 'x/tmp/a/b', match: true },
    { pattern: 'tmp/', path: 'tmp', match: false },
    // '**' spans segments.
    { pattern: 'a/**/*.png', path: 'a/b/c/d.png', match: true },
    { pattern: 'a/**/*.png', path: 'a/d.png', match: true },
    { pattern: 'a/**', path: 'a/b/c', match: true },
    { pattern: 'a/**', path: 'b/a/c', match: false },
    // Dotfiles are ordinary names.
    { pattern: '*', path: '.hidden', match: true },
    { pattern: '*.png', path: '.cache/a.png', match: true },
    { pattern: '.cache', path: 'x/.cache/a', match: true },
    // '*' stays within a segment; '!' is an ordinary character; case matters by default.
    { pattern: 'a*c', path: 'ab/c', match: false },
    // Like .gitignore, 'a/*' names the folder a/b, so it matches what is inside.
    { pattern: 'a/*', path: 'a/b/c', match: true },
    { pattern: '!a', path: 'b', match: false },
    { pattern: '!a', path: '!a', match: true },
    { pattern: '*.PNG', path: 'a.png', match: false },
    { pattern: '{a,b}.txt', path: 'x/b.txt', match: true },
  ])('$pattern vs $path → $match', ({ pattern, path, match }) => {
    expect(compileGlobs([pattern])(path)).toBe(match);
  });

  it('matches when any pattern of the list matches', () => {
    const isMatch = compileGlobs(['*.keep', 'models/']);
    expect(['a.keep', 'models/x.bin', 'z/models/y'].map(isMatch)).toEqual([true, true, true]);
    expect(isMatch('a.wav')).toBe(false);
  });

  it('matches nothing for an empty list or blank patterns', () => {
    expect(compileGlobs([])('a')).toBe(false);
    expect(compileGlobs(['/', '  '])('a')).toBe(false);
  });

  it('ignores case when asked', () => {
    expect(compileGlobs(['*.PNG'], { nocase: true })('x/a.png')).toBe(true);
  });
});
