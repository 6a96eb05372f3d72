/**
 * Issue 10, finding 3: a change that protects or disables a folder, accepted while its cleanup runs,
 * must take effect before the next removal. The change is fired at an exact unlink through the removal
 * core's fs port, and reaches the run through its live-rules port (both fakes stand at ports, as named).
 */
import fs from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan, type LiveRules } from '../../../electron/engine/executor/execute-plan.js';
import type { FolderRules } from '../../../shared/types.js';
import { dirFsWith } from '../../support/dir-fs-port.js';
import { makeTempDir, planned, planOf, removeTempDirs, rulesFor, writeFile } from './executor-fixtures.js';

afterEach(removeTempDirs);

/** Live rules whose `change` swaps in new rules and tells the run at once (the config store's part). */
function liveRulesPort(initial: FolderRules) {
  let rules: FolderRules | null = initial;
  const listeners = new Set<() => void>();
  const live: LiveRules = {
    current: () => rules,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    live,
    change(next: FolderRules | null) {
      rules = next;
      listeners.forEach((l) => l());
    },
  };
}

async function folderOf(count: number) {
  const root = await makeTempDir();
  const names = Array.from({ length: count }, (_, i) => `f${String(i).padStart(4, '0')}.wav`);
  for (const name of names) await writeFile(root, name, 'data');
  return { root, items: await Promise.all(names.map((n) => planned(root, n))) };
}

/**
 * Runs a cleanup of `count` old files through the live-rules port, changing the rules to what `next`
 * returns right after the `afterUnlinks`-th removal.
 */
async function changeDuringRun(
  count: number,
  afterUnlinks: number,
  next: (rules: FolderRules) => FolderRules | null,
) {
  const { root, items } = await folderOf(count);
  const rules = rulesFor(root);
  const port = liveRulesPort(rules);
  let unlinks = 0;
  const dirFs = dirFsWith({
    unlink(real, dir, name) {
      real.unlink(dir, name);
      if (++unlinks === afterUnlinks) port.change(next(rules));
    },
  });
  const result = await executePlan({
    root,
    plan: planOf(items),
    rules,
    liveRules: port.live,
    nowMs: Date.now,
    dirFs,
  });
  return { root, items, result };
}

describe('a rules change during a running cleanup (fs port and live-rules port)', () => {
  it('protect: ["*"] added after the 3rd removal: nothing more is removed, and the record says why', async () => {
    const { root, items, result } = await changeDuringRun(10, 3, (rules) => ({ ...rules, protect: ['*'] }));

    expect(result.removed.map((r) => r.path)).toEqual(items.slice(0, 3).map((i) => i.path));
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual(
      items.slice(3).map((i) => [i.path, 'protected']),
    );
    expect(result.notes.at(-1)).toMatch(/configuration changed during the run: the last 7 files/);
    expect((await fs.readdir(root)).length).toBe(7);
  });

  it('the folder disabled after the 2nd removal: the rest is kept as cancelled, with the reason', async () => {
    const { root, result } = await changeDuringRun(6, 2, () => null);

    expect(result.filesRemoved).toBe(2);
    expect(result.skipped.map((s) => s.why)).toEqual(Array(4).fill('cancelled'));
    expect(result.skipped[0]?.detail).toMatch(/disabled or removed from the configuration during the run/);
    expect((await fs.readdir(root)).length).toBe(4);
  });

  it('an exclude pattern added mid-run keeps the files it now excludes, and the rest goes', async () => {
    const { result } = await changeDuringRun(6, 1, (rules) => ({ ...rules, exclude: ['f0004.wav'] }));

    expect(result.removed.map((r) => r.path)).toEqual([
      'f0000.wav',
      'f0001.wav',
      'f0002.wav',
      'f0003.wav',
      'f0005.wav',
    ]);
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([['f0004.wav', 'protected']]);
  });
});
