/** The pure comparison behind consent (DESIGN.md invariant 7): what new rules remove that old ones do not. */
import { describe, expect, it } from 'vitest';
import { agreedPlan, folderRuleImpact, mayRemoveMore } from '../../../electron/core/rule-impact.js';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import type { FileEntry } from '../../../shared/types.js';
import { folderRules } from '../../support/folder-rules.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 12);
const file = (path: string, ageDays: number, sizeBytes = 100): FileEntry => ({
  path,
  sizeBytes,
  mtimeMs: NOW - ageDays * DAY,
  dev: 1,
  ino: path.length,
});
const files = [file('a.png', 10), file('b.wav', 9), file('c.wav', 5), file('d.wav', 1)];
const paths = (removals: { path: string }[]) => removals.map((r) => r.path).sort();

describe('folderRuleImpact', () => {
  it('a new folder: everything its rules remove is new', () => {
    const impact = folderRuleImpact(columnsOf(files), null, folderRules({ maxAgeDays: 7 }), NOW);
    expect(paths(impact.remove)).toEqual(['a.png', 'b.wav']);
    expect(impact.bytes).toBe(200);
  });

  it('a tightened age limit: only the files between the two limits', () => {
    const before = folderRules({ maxAgeDays: 7 });
    const impact = folderRuleImpact(columnsOf(files), before, { ...before, maxAgeDays: 3 }, NOW);
    expect(paths(impact.remove)).toEqual(['c.wav']);
  });

  it('a removed protect pattern: the files it protected', () => {
    const before = folderRules({ maxAgeDays: 7, protect: ['*.png'] });
    const impact = folderRuleImpact(columnsOf(files), before, { ...before, protect: [] }, NOW);
    expect(paths(impact.remove)).toEqual(['a.png']);
  });

  it('a re-enabled folder, and a loosened one', () => {
    const off = folderRules({ maxAgeDays: 7, enabled: false });
    expect(paths(folderRuleImpact(columnsOf(files), off, { ...off, enabled: true }, NOW).remove)).toEqual([
      'a.png',
      'b.wav',
    ]);
    const tight = folderRules({ maxAgeDays: 3 });
    expect(folderRuleImpact(columnsOf(files), tight, { ...tight, maxAgeDays: 7 }, NOW).remove).toEqual([]);
  });

  it('a count limit added: the oldest beyond it', () => {
    const impact = folderRuleImpact(columnsOf(files), folderRules(), folderRules({ maxFiles: 3 }), NOW);
    expect(paths(impact.remove)).toEqual(['a.png']);
  });
});

describe('agreedPlan', () => {
  it('keeps only what both the held and the current rules remove; loosening applies at once', () => {
    const held = folderRules({ maxAgeDays: 7 });
    const current = folderRules({ maxAgeDays: 3, protect: ['*.png'] });
    const plan = agreedPlan(columnsOf(files), planFolder(columnsOf(files), current, NOW), held, NOW);
    expect(paths(plan.remove)).toEqual(['b.wav']);
    expect(plan.bytesToFree).toBe(100);
    expect(plan.notes.at(-1)).toMatch(/1 file the new rules would remove waits/);
  });

  it('no agreed rules: nothing is removed', () => {
    const current = folderRules({ maxAgeDays: 7 });
    expect(
      agreedPlan(columnsOf(files), planFolder(columnsOf(files), current, NOW), null, NOW).remove,
    ).toEqual([]);
  });
});

describe('mayRemoveMore', () => {
  it('is false only for identical rules or a disabled folder', () => {
    const rules = folderRules({ maxAgeDays: 7 });
    expect(mayRemoveMore(rules, { ...rules })).toBe(false);
    expect(mayRemoveMore(null, { ...rules, enabled: false })).toBe(false);
    expect(mayRemoveMore(null, rules)).toBe(true);
    expect(mayRemoveMore(rules, { ...rules, maxAgeDays: 8 })).toBe(true);
  });
});
