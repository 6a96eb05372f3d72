/**
 * pathKey stands in for samePath where a list of paths is deduplicated through a Set (#17: the refusal
 * checks compared every account home with every other): two paths share a key exactly when samePath holds.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathKey, samePath, type PathRules } from '../../../electron/engine/config/path-rules.js';

const POSIX: PathRules = { api: path.posix, caseInsensitive: false };
const MAC: PathRules = { api: path.posix, caseInsensitive: true };
const WINDOWS: PathRules = { api: path.win32, caseInsensitive: true };

const POSIX_PATHS = [
  '/home/ann',
  '/home/ann/',
  '/home//ann',
  '/home/./ann',
  '/home/bob/../ann',
  '/Home/Ann',
  '/home/ann/x',
  '/',
  '/home',
  'home/ann',
];
const WINDOWS_PATHS = [
  'C:\\Users\\Ann',
  'c:\\users\\ann\\',
  'C:/Users/Ann',
  'C:\\Users\\Bob\\..\\Ann',
  'D:\\Users\\Ann',
  'C:\\Users',
  'C:\\',
];

describe('pathKey agrees with samePath on every pair', () => {
  for (const [name, rules, paths] of [
    ['posix', POSIX, POSIX_PATHS],
    ['case-insensitive posix (macOS)', MAC, POSIX_PATHS],
    ['windows', WINDOWS, WINDOWS_PATHS],
  ] as const) {
    it(name, () => {
      for (const a of paths) {
        for (const b of paths) {
          expect([a, b, pathKey(a, rules) === pathKey(b, rules)]).toEqual([a, b, samePath(a, b, rules)]);
        }
      }
    });
  }

  it('folds case only where the platform ignores it', () => {
    expect(pathKey('/Home/Ann', POSIX)).not.toBe(pathKey('/home/ann', POSIX));
    expect(pathKey('/Home/Ann', MAC)).toBe(pathKey('/home/ann', MAC));
  });
});
