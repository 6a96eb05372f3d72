import { describe, expect, it } from 'vitest';
import { closestKey, editDistance } from '../../../electron/engine/config/did-you-mean.js';

const FOLDER_KEYS = [
  'name',
  'path',
  'max_size_gb',
  'max_files',
  'max_age_days',
  'min_age_minutes',
  'exclude',
  'protect',
];

describe('closestKey', () => {
  it.each([
    ['max_file', 'max_files'],
    ['maxfiles', 'max_files'],
    ['max-size-gb', 'max_size_gb'],
    ['Max_Age_Days', 'max_age_days'],
    ['max_size_bg', 'max_size_gb'],
    ['pth', 'path'],
    ['protected', 'protect'],
  ])('suggests %s → %s', (typo, key) => {
    expect(closestKey(typo, FOLDER_KEYS)).toBe(key);
  });

  it('suggests nothing for a key far from every known one', () => {
    expect(closestKey('colour', FOLDER_KEYS)).toBeNull();
    expect(closestKey('size', FOLDER_KEYS)).toBeNull();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('max_files', 'max_files')).toBe(0);
    expect(editDistance('max_file', 'max_files')).toBe(1);
    expect(editDistance('mxa_files', 'max_files')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
