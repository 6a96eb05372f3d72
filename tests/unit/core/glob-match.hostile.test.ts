import { describe, expect, it } from 'vitest';
import { compileGlobsWithStats } from '../../../electron/core/glob-match.js';

// Whoever can write in a watched folder chooses its names. A backtracking matcher spends time exponential
// in the number of `*` on names like these (issue 10: `*-*-*-*.wav` against 240 dashes took 67 s).
// No clock here: the matcher counts its work, and the work must stay within a small multiple of
// name length × pattern length, whatever the pattern.
const WORK_PER_CHAR_AND_PATTERN_CHAR = 8;

const dashes = '-'.repeat(255);
const as = 'a'.repeat(255);
const cases = [
  { pattern: '*-*-*-*.wav', name: '-'.repeat(240), match: false },
  { pattern: '*-*-*-*-*-*-*-*-*-*.wav', name: dashes, match: false },
  { pattern: '*-*-*-*-*-*-*-*-*-*.wav', name: `x/${dashes.slice(6)}.wav`, match: true },
  { pattern: '**/*a*a*a*a*a*a*a*a*a*a*b', name: as, match: false },
  { pattern: '**/*a*a*a*a*a*a*a*a*a*a*b', name: `${as.slice(1)}b`, match: true },
  { pattern: 'x/**/**/**/**/**/**/**/**/**/**/y', name: `x/${'a/'.repeat(126)}a`, match: false },
  { pattern: '{*a,a*}{*a,a*}{*a,a*}{*a,a*}{*a,a*}b', name: as, match: false },
  { pattern: '@(*a|a*)@(*a|a*)@(*a|a*)+(a|aa)*(a)b', name: as, match: false },
  { pattern: '*a'.repeat(300), name: as, match: false },
  { pattern: '[!/]*[a-z]*?*[[:alpha:]]*-*-*-*-*-*-*-*x', name: dashes, match: false },
];

describe('compileGlobs on hostile names', () => {
  for (const cachedStates of [undefined, 0]) {
    const mode = cachedStates === 0 ? 'without its state cache' : 'with its state cache';
    it.each(cases)(`${mode}: $pattern stays linear and right`, ({ pattern, name, match }) => {
      const glob = compileGlobsWithStats([pattern], { cachedStates });
      expect(glob.isMatch(name)).toBe(match);
      expect(glob.steps()).toBeLessThanOrEqual(WORK_PER_CHAR_AND_PATTERN_CHAR * name.length * pattern.length);
    });
  }

  it('does work proportional to the name: twice the name, at most about twice the steps', () => {
    const steps = [64, 128, 256].map((n) => {
      const glob = compileGlobsWithStats(['*-*-*-*-*-*-*-*-*-*.wav'], { cachedStates: 0 });
      glob.isMatch('-'.repeat(n));
      return glob.steps();
    });
    expect(steps[1]! / steps[0]!).toBeLessThan(2.2);
    expect(steps[2]! / steps[1]!).toBeLessThan(2.2);
  });

  it('answers names of shapes it has seen from its cache: about one step per character', () => {
    const glob = compileGlobsWithStats(['*-*-*-*-*-*-*-*-*-*.wav', '**/*a*a*a*a*b']);
    let chars = 0;
    for (let i = 0; i < 2000; i++) {
      const name = `${'-'.repeat(i % 50)}/${'a'.repeat(i % 70)}.wav`;
      chars += name.length;
      glob.isMatch(name);
    }
    expect(glob.steps()).toBeLessThan(2 * chars);
  });
});
