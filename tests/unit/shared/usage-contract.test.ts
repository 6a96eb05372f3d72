/** The kept-data requests' inputs are parsed against the shared schemas (issue 15 items 2, 3; invariant 6). */
import { describe, expect, it } from 'vitest';
import { BridgeError, parseRequest } from '../../../shared/bridge.js';
import { BRIDGE_REQUEST_NAMES } from '../../../shared/bridge-names.js';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('invalid-request');
    return (error as BridgeError).message;
  }
  throw new Error('expected the input to be refused');
}

describe('kept-data requests in the contract', () => {
  it('are bridge requests the preload exposes', () => {
    expect(BRIDGE_REQUEST_NAMES).toEqual(
      expect.arrayContaining(['getUsageHistory', 'getSpaceBreakdown', 'showInFolder']),
    );
  });

  it('getUsageHistory takes 1 to 90 days and refuses more, fractions and strangers', () => {
    expect(parseRequest('getUsageHistory', undefined)).toEqual({});
    expect(parseRequest('getUsageHistory', { days: 30, maxPoints: 200 })).toEqual({
      days: 30,
      maxPoints: 200,
    });
    expect(refusal(() => parseRequest('getUsageHistory', { days: 91 }))).toMatch(/days may be at most 90/);
    expect(refusal(() => parseRequest('getUsageHistory', { days: 1.5 }))).toMatch(/whole number/);
    expect(refusal(() => parseRequest('getUsageHistory', { days: '7' }))).toMatch(/days/);
    expect(refusal(() => parseRequest('getUsageHistory', { path: '/etc' }))).toMatch(/getUsageHistory/);
  });

  it('getSpaceBreakdown names a folder, never a path', () => {
    expect(parseRequest('getSpaceBreakdown', { folder: 'outputs' })).toEqual({ folder: 'outputs' });
    expect(refusal(() => parseRequest('getSpaceBreakdown', { folder: '../etc' }))).toMatch(/folder/);
    expect(refusal(() => parseRequest('getSpaceBreakdown', {}))).toMatch(/folder/);
    expect(refusal(() => parseRequest('getSpaceBreakdown', { folder: 'outputs', limit: 1000 }))).toMatch(
      /limit/,
    );
  });

  it('showInFolder refuses .., absolute paths, NUL, backslashes and empty parts, each in a sentence', () => {
    const ok = { folder: 'outputs', path: 'day 1/take.wav' };
    expect(parseRequest('showInFolder', ok)).toEqual(ok);
    const hostile: [string, RegExp][] = [
      ['../secret.txt', /\.\. parts/],
      ['a/../../b', /\.\. parts/],
      ['a/./b', /\. or \.\. parts/],
      ['a//b', /empty/],
      ['/etc/passwd', /not absolute/],
      ['C:/Windows/win.ini', /not absolute/],
      ['a\\..\\b', /not \\/],
      ['a\0b', /NUL/],
      ['', /name a file/],
      ['x'.repeat(5000), /4096/],
    ];
    for (const [path, message] of hostile) {
      expect(refusal(() => parseRequest('showInFolder', { folder: 'outputs', path }))).toMatch(message);
    }
    expect(refusal(() => parseRequest('showInFolder', { folder: 'outputs', path: 'a', abs: '/x' }))).toMatch(
      /showInFolder/,
    );
  });
});
