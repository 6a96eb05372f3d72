import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FolderIndex } from '../../../electron/engine/index/folder-index.js';
import type { PackedFiles } from '../../../electron/engine/scan/packed-files.js';
import { PackedFilesBuilder } from '../../../electron/engine/scan/packed-files.js';
import type { FolderScan } from '../../../electron/engine/scan/scan-types.js';
import type { FileEntry } from '../../../shared/types.js';
import { indexFromScan } from '../../../bench/lib/index-from-scan.js';
import { entriesOf, packEntries } from '../../../bench/lib/packed-entries.js';

type Model = Map<string, { sizeBytes: number; mtimeMs: number }>;

function scanOf(files: PackedFiles): FolderScan {
  return { root: '/r', exists: true, error: null, files, dirs: [''], unreadable: [], durationMs: 0 };
}

function file(path: string, sizeBytes: number, mtimeMs: number): FileEntry {
  return { path, sizeBytes, mtimeMs, dev: 1, ino: 1 };
}

function modelTotals(model: Model) {
  let sizeBytes = 0;
  let oldest = Infinity;
  for (const f of model.values()) {
    sizeBytes += f.sizeBytes;
    oldest = Math.min(oldest, f.mtimeMs);
  }
  return { sizeBytes, fileCount: model.size, oldestMtimeMs: model.size === 0 ? null : oldest };
}

function contents(index: FolderIndex): Model {
  const out: Model = new Map();
  index.forEach((path, sizeBytes, mtimeMs) => {
    expect(out.has(path)).toBe(false);
    out.set(path, { sizeBytes, mtimeMs });
  });
  return out;
}

// Few segments so that paths collide, nest and share prefixes ("a" vs "a/b" vs "ab").
const segment = fc.constantFrom('a', 'b', 'ab', 'é', '日本', 'x y');
const relPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
const op = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constant('upsert' as const), relPath, fc.nat(1e6), fc.nat(100)) },
  { weight: 3, arbitrary: fc.tuple(fc.constant('remove' as const), relPath) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('removeUnder' as const), fc.oneof(relPath, fc.constant(''))) },
);

function apply(index: FolderIndex, model: Model, step: readonly unknown[]) {
  const [kind, path] = step as [string, string, number, number];
  if (kind === 'upsert') {
    const [, , size, mtime] = step as [string, string, number, number];
    expect(index.upsert(path, size, mtime)).toBe(true);
    model.set(path, { sizeBytes: size, mtimeMs: mtime });
  } else if (kind === 'remove') {
    expect(index.remove(path)).toBe(model.delete(path));
  } else {
    const prefix = path === '' ? '' : `${path}/`;
    const doomed = [...model.keys()].filter((p) => p.startsWith(prefix));
    for (const p of doomed) model.delete(p);
    expect(index.removeUnder(path)).toBe(doomed.length);
  }
}

describe('FolderIndex', () => {
  it('behaves like a Map under random upserts, removals and folder removals', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), relPath, (steps, probe) => {
        const index = new FolderIndex();
        const model: Model = new Map();
        for (const step of steps) {
          apply(index, model, step);
          expect(index.totals()).toEqual(modelTotals(model));
          expect(index.has(probe)).toBe(model.has(probe));
          expect(index.get(probe)).toEqual(model.get(probe));
        }
        expect(contents(index)).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  it('built from a scan, behaves like a Map and leaves the scan untouched', () => {
    const initial = fc.array(fc.tuple(relPath, fc.nat(1e6), fc.nat(100)), { maxLength: 60 });
    fc.assert(
      fc.property(initial, fc.array(op, { maxLength: 100 }), relPath, (start, steps, probe) => {
        const entries = start.map(([path, size, mtime]) => file(path, size, mtime));
        const scan = scanOf(packEntries(entries));
        const excluded = (p: string) => p.startsWith('b/');
        const index = indexFromScan(scan, excluded);
        const model: Model = new Map();
        for (const e of entries) {
          if (!excluded(e.path) && !model.has(e.path))
            model.set(e.path, { sizeBytes: e.sizeBytes, mtimeMs: e.mtimeMs });
        }
        expect(index.totals()).toEqual(modelTotals(model));
        for (const step of steps) {
          if (step[0] === 'upsert' && excluded(step[1])) continue;
          apply(index, model, step);
        }
        expect(index.totals()).toEqual(modelTotals(model));
        expect(index.get(probe)).toEqual(model.get(probe));
        expect(contents(index)).toEqual(model);
        expect(entriesOf(scan.files)).toEqual(entries);
      }),
      { numRuns: 300 },
    );
  });

  it('stays correct through growth, mass removal, shrinking and name compaction', () => {
    const index = new FolderIndex();
    const model: Model = new Map();
    const name = (i: number) => `run-${i % 37}/take ${i}/out-${i}.wav`;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20_000; i++) {
        index.upsert(name(i), i * 3 + round, 1_000 + ((i * 7919) % 5_000));
        model.set(name(i), { sizeBytes: i * 3 + round, mtimeMs: 1_000 + ((i * 7919) % 5_000) });
      }
      expect(index.totals()).toEqual(modelTotals(model));
      for (let i = 0; i < 20_000; i++) {
        if (i % 10 === round) continue;
        expect(index.remove(name(i))).toBe(true);
        model.delete(name(i));
      }
      expect(index.totals()).toEqual(modelTotals(model));
      expect(index.removeUnder('run-3')).toBe([...model.keys()].filter((p) => p.startsWith('run-3/')).length);
      for (const p of [...model.keys()]) if (p.startsWith('run-3/')) model.delete(p);
    }
    expect(contents(index)).toEqual(model);
    expect(index.has('run-3')).toBe(false);
  });

  it('recomputes the oldest mtime when the oldest file leaves or gets newer', () => {
    const index = new FolderIndex();
    index.upsert('old', 1, 100);
    index.upsert('mid', 1, 200);
    index.upsert('new', 1, 300);
    expect(index.totals().oldestMtimeMs).toBe(100);
    index.upsert('old', 1, 400);
    expect(index.totals().oldestMtimeMs).toBe(200);
    index.remove('mid');
    expect(index.totals()).toEqual({ sizeBytes: 2, fileCount: 2, oldestMtimeMs: 300 });
    index.removeUnder('');
    expect(index.totals()).toEqual({ sizeBytes: 0, fileCount: 0, oldestMtimeMs: null });
  });

  it('indexFromScan leaves out excluded files and upsert refuses them', () => {
    const files = packEntries([file('a.wav', 10, 5), file('cache/x.tmp', 99, 1), file('b/c.wav', 20, 7)]);
    const index = indexFromScan(scanOf(files), (p) => p.endsWith('.tmp'));
    expect(index.totals()).toEqual({ sizeBytes: 30, fileCount: 2, oldestMtimeMs: 5 });
    expect(index.has('cache/x.tmp')).toBe(false);
    expect(index.upsert('late.tmp', 5, 1)).toBe(false);
    expect(index.get('b/c.wav')).toEqual({ sizeBytes: 20, mtimeMs: 7 });
    expect(index.totals().fileCount).toBe(2);
  });

  it('keeps names that are not UTF-8 apart (each stray byte is its own escape)', () => {
    const builder = new PackedFilesBuilder();
    builder.add(new Uint8Array([0x61, 0xff]), 0, 1, 1, 1, 1);
    builder.add(new Uint8Array([0x61, 0xfe]), 0, 2, 1, 1, 2);
    const scan = scanOf(builder.build());
    expect([scan.files.path(0), scan.files.path(1)]).toEqual(['a\udcff', 'a\udcfe']);
    expect(indexFromScan(scan).totals()).toEqual({ sizeBytes: 3, fileCount: 2, oldestMtimeMs: 1 });
  });

  it('diff counts files present on one side only or changed, with their bytes', () => {
    const live = new FolderIndex();
    const fresh = new FolderIndex();
    for (const [p, size] of [
      ['same', 5],
      ['grown', 10],
      ['only-live', 7],
    ] as const)
      live.upsert(p, size, 1);
    for (const [p, size] of [
      ['same', 5],
      ['grown', 25],
      ['only-fresh', 3],
    ] as const)
      fresh.upsert(p, size, 1);
    fresh.upsert('touched', 4, 2);
    live.upsert('touched', 4, 1);
    expect(live.diff(fresh)).toEqual({ files: 4, bytes: 15 + 7 + 3 });
    expect(fresh.diff(live)).toEqual(live.diff(fresh));
    expect(fresh.diff(fresh)).toEqual({ files: 0, bytes: 0 });
  });
});
