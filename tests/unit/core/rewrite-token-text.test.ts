import { describe, expect, it } from 'vitest';
import { rewriteTokenText } from '../../../electron/core/manifest/rewrite-token-text.js';

const obj = (o: unknown) => JSON.stringify(o, null, 2) + '\n';

describe('rewriteTokenText', () => {
  it('drops exactly the planned tokens whose files are all gone, keeping the file’s indentation', () => {
    const text = obj({
      a: { expires_at: 1, files: ['a1', 'a2'], note: 'kept as is' },
      b: { expires_at: 1, files: ['b1'] },
      c: { expires_at: 9e9, files: ['c1'] },
    });
    const r = rewriteTokenText({
      plannedText: text,
      currentText: text,
      planned: new Set(['a', 'b']),
      remains: () => false,
    });
    expect(r.dropped).toEqual(['a', 'b']);
    expect(r.text).toBe(obj({ c: { expires_at: 9e9, files: ['c1'] } }));
  });

  it('keeps a token whose removal was partly skipped, listing only the files that remain', () => {
    const text = obj({ a: { expires_at: 1, files: ['a1', './a2', 'a3'] } });
    const r = rewriteTokenText({
      plannedText: text,
      currentText: text,
      planned: new Set(['a']),
      remains: (p) => p === 'a2',
    });
    expect(r.kept).toEqual([{ id: 'a', remaining: ['./a2'] }]);
    expect(JSON.parse(r.text!)).toEqual({ a: { expires_at: 1, files: ['./a2'] } });
  });

  it('keeps tokens the application added or changed after planning, and says which planned ones changed', () => {
    const planned = obj({ a: { expires_at: 1, files: ['a1'] }, b: { expires_at: 1, files: ['b1'] } });
    const current = obj({
      a: { expires_at: 1, files: ['a1'] },
      b: { expires_at: 9e9, files: ['b1'] },
      new: { expires_at: 9e9, files: ['n1'] },
    });
    const r = rewriteTokenText({
      plannedText: planned,
      currentText: current,
      planned: new Set(['a', 'b']),
      remains: () => false,
    });
    expect(r.changed).toEqual(['b']);
    expect(JSON.parse(r.text!)).toEqual({
      b: { expires_at: 9e9, files: ['b1'] },
      new: { expires_at: 9e9, files: ['n1'] },
    });
  });

  it('drops a token whose remaining file is listed by a token that stays', () => {
    const text = obj({ a: { expires_at: 1, files: ['shared', 'own'] }, b: { files: ['shared'] } });
    const r = rewriteTokenText({
      plannedText: text,
      currentText: text,
      planned: new Set(['a']),
      remains: (p) => p === 'shared',
    });
    expect(r.dropped).toEqual(['a']);
    expect(JSON.parse(r.text!)).toEqual({ b: { files: ['shared'] } });
  });

  it('works on the array form and leaves a file that is no longer tokens alone', () => {
    const text = JSON.stringify([
      { token: 'a', files: ['x'] },
      { token: 'b', files: ['y'] },
    ]);
    const r = rewriteTokenText({
      plannedText: text,
      currentText: text,
      planned: new Set(['a']),
      remains: () => false,
    });
    expect(JSON.parse(r.text!)).toEqual([{ token: 'b', files: ['y'] }]);
    const broken = rewriteTokenText({
      plannedText: text,
      currentText: '{ truncated',
      planned: new Set(['a']),
      remains: () => false,
    });
    expect(broken.text).toBeNull();
    expect(broken.error).toMatch(/no longer a JSON object/);
  });
});
