/**
 * formatCount groups digits itself (#17 item 4: the first `toLocaleString` of a process loads ICU's number
 * data, ~15 ms of CPU, for one comma): the same text as en-US Intl, for every whole number people see.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, formatCount } from '../../../shared/format.js';

const intl = (n: number) => n.toLocaleString('en-US');

describe('formatCount', () => {
  it('matches en-US grouping at the edges', () => {
    for (const n of [0, 1, 12, 999, 1000, -1000, 12_345, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER])
      expect(formatCount(n)).toBe(intl(n));
  });

  it('matches en-US grouping for any safe integer', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => formatCount(n) === intl(n)));
  });

  it('falls back to Intl for what is not a safe integer', () => {
    for (const n of [1.5, 1234.5678, 1e21, NaN, Infinity]) expect(formatCount(n)).toBe(intl(n));
  });

  it('counts with the noun in the right number', () => {
    expect(countOf(1, 'folder')).toBe('1 folder');
    expect(countOf(0, 'folder')).toBe('0 folders');
    expect(countOf(4000, 'file')).toBe('4,000 files');
  });
});
