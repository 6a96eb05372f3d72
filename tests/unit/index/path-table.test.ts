/**
 * PathTable keeps each folder's path once and each file's own name: whole paths must come back byte for
 * byte (UTF-8 or not), and folders must come and go with their files.
 */
import { describe, expect, it } from 'vitest';
import { PathTable } from '../../../electron/engine/index/path-table.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));

const PATHS = [
  bytes('root.wav'),
  bytes('a/x.wav'),
  bytes('a/b/x.wav'),
  bytes('ab/x.wav'),
  bytes('d', [0xfe], '/f', [0xff], '.wav'), // neither the folder nor the name is UTF-8
  bytes('d', [0xfe], '/', [0xc3, 0xa9], '.wav'),
  bytes('caf', [0xc3, 0xa9], '/n', [0x80]),
  bytes('/x'), // a folder with an empty name: not the root's `x`
  bytes('x'),
];

function packed(paths: Uint8Array[]): { bytes: Uint8Array; offsets: Uint32Array } {
  const offsets = new Uint32Array(paths.length + 1);
  paths.forEach((p, i) => (offsets[i + 1] = (offsets[i] as number) + p.length));
  return { bytes: new Uint8Array(Buffer.concat(paths)), offsets };
}

function tables(): PathTable[] {
  const { bytes: all, offsets } = packed(PATHS);
  const inserted = new PathTable();
  for (const path of PATHS) inserted.insert(path);
  return [inserted, PathTable.fromPacked(all, offsets, PATHS.length)];
}

describe('PathTable', () => {
  it('gives every path back byte for byte and finds it by its bytes, however it was filled', async () => {
    const { bytes: all, offsets } = packed(PATHS);
    const sliced = await PathTable.fromPackedInSlices(all, offsets, PATHS.length, () => Promise.resolve(), 0);
    for (const table of [...tables(), sliced]) {
      expect(table.size).toBe(PATHS.length);
      for (const path of PATHS) {
        const id = table.find(path);
        expect(id).toBeGreaterThanOrEqual(0);
        expect(Buffer.from(table.name(id))).toEqual(Buffer.from(path));
      }
      expect(table.find(bytes('b/x.wav'))).toBe(-1);
      expect(table.find(bytes('a/b'))).toBe(-1);
      expect(table.find(bytes('d\ufffd/f\ufffd.wav'))).toBe(-1);
      expect(table.folderCount).toBe(7); // root, a, a/b, ab, d\xfe, caf\xc3\xa9, ''
    }
  });

  it('keeps the first of a repeated path and frees the others when built from packed paths', () => {
    const { bytes: all, offsets } = packed([bytes('a/x'), bytes('b/x'), bytes('a/x'), bytes('x')]);
    const table = PathTable.fromPacked(all, offsets, 4, (i) => i !== 3);
    expect(table.size).toBe(2);
    expect(table.find(bytes('a/x'))).toBe(0);
    expect(table.find(bytes('b/x'))).toBe(1);
    expect(table.find(bytes('x'))).toBe(-1);
    const ids: number[] = [];
    table.forEachId((id) => ids.push(id));
    expect(ids).toEqual([0, 1]);
  });

  it('forgets a folder with its last file, and moves keep every other path findable', () => {
    for (const table of tables()) {
      expect(table.delete(bytes('a/b/x.wav'))).toBeGreaterThanOrEqual(0);
      expect(table.folderCount).toBe(6);
      // Moved: out of `ab` (which goes), into a new folder that may take a freed folder's number.
      expect(table.delete(bytes('ab/x.wav'))).toBeGreaterThanOrEqual(0);
      const moved = table.insert(bytes('new/deeper/x.wav'));
      expect(moved.added).toBe(true);
      expect(table.insert(bytes('new/deeper/x.wav'))).toEqual({ id: moved.id, added: false });
      expect(table.folderCount).toBe(6);
      expect(table.find(bytes('ab/x.wav'))).toBe(-1);
      expect(table.find(bytes('a/b/x.wav'))).toBe(-1);
      for (const path of [
        ...PATHS.filter((p) => !/^(ab|a\/b)\//.test(Buffer.from(p).toString('latin1'))),
        bytes('new/deeper/x.wav'),
      ]) {
        const id = table.find(path);
        expect(id).toBeGreaterThanOrEqual(0);
        expect(Buffer.from(table.name(id))).toEqual(Buffer.from(path));
      }
      expect(table.size).toBe(PATHS.length - 1);
    }
  });

  it('finds the paths below a folder by the folder, not its siblings that share a prefix', () => {
    for (const table of tables()) {
      const under = (dir: Uint8Array) =>
        table
          .idsUnder(dir)
          .map((id) => Buffer.from(table.name(id)).toString('latin1'))
          .sort();
      expect(under(bytes('a'))).toEqual(['a/b/x.wav', 'a/x.wav']);
      expect(under(bytes('a/b'))).toEqual(['a/b/x.wav']);
      expect(under(bytes('d', [0xfe]))).toEqual(['d\xfe/f\xff.wav', 'd\xfe/\xc3\xa9.wav'].sort());
      expect(under(bytes('d'))).toEqual([]);
      expect(under(bytes(''))).toHaveLength(PATHS.length);
    }
  });

  it('survives growth, compaction and shrinking with every name intact', () => {
    const table = new PathTable();
    const path = (i: number) => bytes(`f${i % 97}/`, [0x80 + (i % 50)], `take-${i}.wav`);
    for (let i = 0; i < 6_000; i++) table.insert(path(i));
    for (let i = 0; i < 6_000; i += 3) expect(table.delete(path(i))).toBeGreaterThanOrEqual(0);
    for (let i = 6_000; i < 9_000; i++) table.insert(path(i));
    for (let i = 0; i < 9_000; i++) {
      const id = table.find(path(i));
      const kept = i >= 6_000 || i % 3 !== 0;
      expect(id >= 0).toBe(kept);
      if (kept) expect(Buffer.from(table.name(id))).toEqual(Buffer.from(path(i)));
    }
    for (let i = 0; i < 9_000; i++) table.delete(path(i));
    expect(table.size).toBe(0);
    expect(table.folderCount).toBe(0);
  });
});
