/** The pure unit planner of model caches (issue 11): whole units, shared blobs, garbage, detached first. */
import { describe, expect, it } from 'vitest';
import { planUnits } from '../../../electron/core/plan-units.js';
import type { StoreEntry, StoreTree, StoreUnit } from '../../../electron/core/store-tree.js';
import { folderRules } from '../../support/folder-rules.js';

const NOW = 1_800_000_000_000;
const DAY = 86_400_000;
let ino = 1;
const entry = (path: string, sizeBytes: number, ageDays: number, link = false): StoreEntry => ({
  path,
  sizeBytes,
  mtimeMs: NOW - ageDays * DAY,
  atimeMs: NOW - ageDays * DAY,
  dev: 1,
  ino: ino++,
  ...(link ? { entry: 'link' as const } : {}),
});
const unit = (id: string, blobs: string[], ageDays: number, extra: Partial<StoreUnit> = {}): StoreUnit => ({
  id,
  name: id,
  detached: false,
  // A link's size is its target's length: never counted as space.
  files: blobs.map((b) => entry(`${id}/snap/${b}`, 40, ageDays, true)),
  blobs,
  group: 'repo',
  ...extra,
});
const tree = (units: StoreUnit[], blobs: StoreEntry[], more: Partial<StoreTree> = {}): StoreTree => ({
  units,
  blobs,
  partials: [],
  groups: [{ id: 'repo', files: [entry('repo/refs/main', 40, 50)], keepDirs: ['repo/refs'] }],
  otherBytes: 0,
  useAtime: true,
  keepDirs: [],
  unitNoun: 'revision',
  ...more,
});

describe('planUnits', () => {
  it('a blob shared with a remaining unit stays; the removed unit frees only its own', () => {
    const t = tree(
      [unit('old', ['b/shared', 'b/old'], 30), unit('new', ['b/shared', 'b/new'], 1)],
      [entry('b/shared', 100, 30), entry('b/old', 1000, 30), entry('b/new', 1000, 1)],
    );
    const plan = planUnits(t, folderRules({ maxAgeDays: 7 }), NOW);
    expect(plan.units?.map((u) => u.id)).toEqual(['old']);
    expect(plan.remove.map((r) => r.path)).toEqual(['old/snap/b/shared', 'old/snap/b/old', 'b/old']);
    expect(plan.remove.find((r) => r.path === 'b/old')).toMatchObject({ blob: true, units: ['old'] });
    expect(plan.keepDirs).toEqual(['repo/refs']);
  });

  it('with the last unit of a repo go its shared blobs (naming every unit that used them) and its own files', () => {
    const t = tree([unit('a', ['b/s'], 30), unit('b', ['b/s'], 20)], [entry('b/s', 100, 30)]);
    const plan = planUnits(t, folderRules({ maxAgeDays: 7 }), NOW);
    expect(plan.units?.map((u) => u.id)).toEqual(['a', 'b']);
    expect(plan.remove.find((r) => r.path === 'b/s')?.units).toEqual(['a', 'b']);
    expect(plan.remove.find((r) => r.path === 'repo/refs/main')?.units).toEqual(['a', 'b']);
    expect(plan.keepDirs).toEqual([]);
  });

  it('max_files counts units, detached first, then least recently used', () => {
    const t = tree(
      [
        unit('lru', ['b/1'], 40),
        unit('detached', ['b/2'], 2, { detached: true }),
        unit('recent', ['b/3'], 1),
      ],
      [entry('b/1', 10, 40), entry('b/2', 10, 2), entry('b/3', 10, 1)],
    );
    const plan = planUnits(t, folderRules({ maxFiles: 1 }), NOW);
    expect(plan.units?.map((u) => [u.id, u.reason])).toEqual([
      ['detached', 'count'],
      ['lru', 'count'],
    ]);
    expect(plan.units?.[0]?.label).toBe('detached 10 B, last used 2 days ago, detached');
  });

  it('partial downloads and unused blobs go past the grace period, whatever the limits; young ones stay', () => {
    const t = tree([], [entry('b/orphan', 5, 1), entry('b/fresh-orphan', 5, 0)], {
      partials: [entry('b/x.incomplete', 7, 2)],
    });
    const plan = planUnits(t, folderRules({ maxSizeBytes: 1e12 }), NOW);
    expect(plan.units?.map((u) => [u.id, u.reason])).toEqual([
      ['partial:b/x.incomplete', 'partial'],
      ['orphan:b/orphan', 'orphan'],
    ]);
  });

  it('a protected or young unit is kept whole and the note says what keeps the folder over', () => {
    const t = tree(
      [unit('kept', ['b/1'], 30), unit('young', ['b/2'], 0)],
      [entry('b/1', 10, 30), entry('b/2', 10, 0)],
    );
    const plan = planUnits(t, folderRules({ maxFiles: 1, protect: ['b/1'] }), NOW);
    expect(plan.units).toEqual([]);
    expect(plan.overLimitAfter).toBe(true);
    expect(plan.notes[0]).toBe(
      'count: 2 revisions would remain over the limit of 1; 1 revision protected and 1 revision changed within the last 10 min',
    );
  });

  it('last use falls back to modification times where the mount records no access times', () => {
    const blob = { ...entry('b/1', 10, 30), atimeMs: NOW - DAY };
    const rules = folderRules({ maxAgeDays: 7 });
    expect(planUnits(tree([unit('u', ['b/1'], 30)], [blob]), rules, NOW).units).toEqual([]);
    const noatime = planUnits(tree([unit('u', ['b/1'], 30)], [blob], { useAtime: false }), rules, NOW);
    expect(noatime.units?.map((u) => u.id)).toEqual(['u']);
    expect(noatime.notes).toContain(
      'last use is read from modification times: this mount records no access times',
    );
  });
});
