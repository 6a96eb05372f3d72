import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlobs } from '../../../electron/core/glob-match.js';
import { referenceMatch } from './glob-reference.js';

// A small alphabet, so random patterns and paths often meet: names of 1–4 characters, 1–4 deep. A scan
// never yields a '.' or '..' segment.
const nameArb = fc.stringMatching(/^[abA.-]{1,4}$/).filter((name) => name !== '.' && name !== '..');
const pathArb = fc.array(nameArb, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/'));

const tokenArb = fc.constantFrom(
  'a',
  'b',
  'A',
  '.',
  '-',
  '*',
  '?',
  '[ab]',
  '[!a]',
  '[^.]',
  '[a-b]',
  '[.-b]',
  '{a,b}',
  '{a,}',
  '{-b,.}',
  '@(a|-)',
);
const segmentArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant('**') },
  { weight: 5, arbitrary: fc.array(tokenArb, { minLength: 1, maxLength: 3 }).map((t) => t.join('')) },
);
const patternArb = fc
  .record({
    prefix: fc.constantFrom('', '', '/', './'),
    segments: fc.array(segmentArb, { minLength: 1, maxLength: 3 }),
    suffix: fc.constantFrom('', '', '/'),
  })
  .map(({ prefix, segments, suffix }) => prefix + segments.join('/') + suffix);

describe('compileGlobs (property)', () => {
  it('agrees with a naive backtracking matcher on short patterns and paths', () => {
    fc.assert(
      fc.property(patternArb, pathArb, fc.boolean(), (pattern, path, nocase) => {
        expect(compileGlobs([pattern], { nocase })(path)).toBe(referenceMatch(pattern, path, nocase));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches a path when any pattern of the list does, whatever order the paths come in', () => {
    fc.assert(
      fc.property(
        fc.array(patternArb, { maxLength: 4 }),
        fc.array(pathArb, { maxLength: 8 }),
        (patterns, paths) => {
          // One compiled list tests many paths: the automaton's cache must not leak one path into the next.
          const isMatch = compileGlobs(patterns);
          for (const path of paths) {
            expect(isMatch(path)).toBe(patterns.some((p) => referenceMatch(p, path)));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
