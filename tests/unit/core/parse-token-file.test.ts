import { describe, expect, it } from 'vitest';
import { parseTokenFile } from '../../../electron/core/manifest/parse-token-file.js';
import type { TokenFileParse } from '../../../electron/core/manifest/manifest-types.js';

function contents(parse: TokenFileParse) {
  if (!parse.ok) throw new Error(`expected a parse, got: ${parse.message}`);
  return parse;
}

describe('parseTokenFile', () => {
  it('reads the object form with ISO 8601 and epoch-second times', () => {
    const text = JSON.stringify({
      abc123: { expires_at: '2026-11-29T10:00:00Z', created_at: 1795860000, files: ['a.wav', 'sub/b.wav'] },
      def456: { created_at: '2026-11-29T12:00:00+02:00', files: [] },
    });
    const parse = contents(parseTokenFile(text, 'recovery_tokens.json'));
    expect(parse.shape).toBe('object');
    expect(parse.problems).toEqual([]);
    expect(parse.tokens).toEqual([
      {
        id: 'abc123',
        expiresAtMs: Date.UTC(2026, 10, 29, 10),
        createdAtMs: 1795860000 * 1000,
        files: ['a.wav', 'sub/b.wav'],
        refused: [],
      },
      { id: 'def456', expiresAtMs: null, createdAtMs: Date.UTC(2026, 10, 29, 10), files: [], refused: [] },
    ]);
  });

  it('reads the array form, Python-style times (space, microseconds, +0000) and normalises paths', () => {
    const text = JSON.stringify([
      { token: 't1', expires_at: '2026-11-29 10:00:00.123456+0000', files: ['./x//y.wav', 'x/y.wav'] },
    ]);
    const parse = contents(parseTokenFile(text, null));
    expect(parse.shape).toBe('array');
    expect(parse.tokens[0]).toMatchObject({
      id: 't1',
      expiresAtMs: Date.UTC(2026, 10, 29, 10, 0, 0, 123),
      files: ['x/y.wav'],
    });
  });

  it('skips a corrupted entry with a reason and keeps the rest (the seed behaviour)', () => {
    const text = JSON.stringify({
      good: { expires_at: 1, files: ['a'] },
      badTime: { expires_at: 'tomorrow', files: ['b'] },
      badFiles: { expires_at: 1, files: 'c' },
      notAnObject: 42,
      millis: { expires_at: 1795860000000, files: ['d'] },
    });
    const parse = contents(parseTokenFile(text, null));
    expect(parse.tokens.map((t) => t.id)).toEqual(['good']);
    expect(parse.problems).toEqual([
      {
        at: 'token "badTime"',
        message: 'expires_at "tomorrow" is neither an ISO 8601 time nor epoch seconds',
        files: ['b'],
      },
      { at: 'token "badFiles"', message: 'its "files" is missing or not a list of paths', files: null },
      { at: 'token "notAnObject"', message: 'it is a number, not an object', files: null },
      {
        at: 'token "millis"',
        message: 'expires_at 1795860000000 is too large for epoch seconds (milliseconds?)',
        files: ['d'],
      },
    ]);
  });

  it('refuses hostile paths per path and keeps them on the token, which must then be kept whole', () => {
    const text = JSON.stringify({
      t: {
        expires_at: 1,
        files: [
          '../x',
          '/etc/passwd',
          'a/../../b',
          'C:\\Windows\\x',
          '..\\up',
          '',
          '.',
          'ok.wav',
          'tokens.json',
        ],
      },
    });
    const parse = contents(parseTokenFile(text, 'tokens.json'));
    expect(parse.tokens[0]!.files).toEqual(['ok.wav']);
    expect(parse.tokens[0]!.refused).toEqual([
      { path: '../x', why: 'climbs out of the folder with ..' },
      { path: '/etc/passwd', why: 'is absolute' },
      { path: 'a/../../b', why: 'climbs out of the folder with ..' },
      { path: 'C:\\Windows\\x', why: 'is absolute' },
      { path: '..\\up', why: 'climbs out of the folder with ..' },
      { path: '', why: 'is empty' },
      { path: '.', why: 'names the folder itself' },
      { path: 'tokens.json', why: 'is the token file itself' },
    ]);
  });

  it.each([
    ['', 'not valid JSON'],
    ['{"a": {', 'not valid JSON'],
    ['"text"', 'it holds text, not an object of tokens'],
    ['null', 'it holds null, not an object of tokens'],
    ['42', 'it holds a number, not an object of tokens'],
  ])('refuses a file that cannot be parsed at all: %j', (text, message) => {
    const parse = parseTokenFile(text, null);
    expect(parse.ok).toBe(false);
    if (!parse.ok) expect(parse.message).toContain(message);
  });

  it('skips an array entry without a token id, and a repeated id, keeping their files referenced', () => {
    const text = JSON.stringify([
      { expires_at: 1, files: ['a'] },
      { token: 'x', files: ['b'] },
      { token: 'x', files: ['c'] },
    ]);
    const parse = contents(parseTokenFile(text, null));
    expect(parse.tokens.map((t) => t.id)).toEqual(['x']);
    expect(parse.problems).toEqual([
      { at: 'entry 1', message: 'it has no "token" id (text)', files: ['a'] },
      { at: 'entry 3', message: 'token "x" appears twice; the second is skipped', files: ['c'] },
    ]);
  });
});
