/**
 * Issue 12 item 10: one glob semantics everywhere. A folder's `case_sensitive_globs` decides how its
 * `protect` and `exclude` match, and planning (what the preview shows) and the executor (what the run
 * re-checks) follow the same setting, so the run removes exactly what the preview listed.
 */
import fs from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import type { FileEntry, FolderRules } from '../../../shared/types.js';
import { makeTempDir, planned, planOf, removeTempDirs, rulesFor, writeFile } from './executor-fixtures.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';

afterEach(removeTempDirs);

const NAMES = ['Keep.PNG', 'a.wav', 'Cache.TMP'];

async function mixedCaseFolder(caseSensitiveGlobs: boolean) {
  const root = await makeTempDir();
  for (const name of NAMES) await writeFile(root, name, 'x'.repeat(10));
  const files: FileEntry[] = [];
  for (const name of NAMES) {
    const { path, sizeBytes, mtimeMs, dev, ino } = await planned(root, name);
    files.push({ path, sizeBytes, mtimeMs, dev, ino });
  }
  const rules: FolderRules = rulesFor(root, { protect: ['*.png'], exclude: ['*.tmp'], caseSensitiveGlobs });
  return { root, files, rules };
}

describe.each([
  { caseSensitiveGlobs: true, planned: ['Cache.TMP', 'Keep.PNG', 'a.wav'] },
  { caseSensitiveGlobs: false, planned: ['a.wav'] },
])('case_sensitive_globs: $caseSensitiveGlobs', ({ caseSensitiveGlobs, planned: expected }) => {
  it('the plan (the preview) and the run agree on a mixed-case name', async () => {
    const { root, files, rules } = await mixedCaseFolder(caseSensitiveGlobs);
    const plan = planFolder(columnsOf(files), rules, Date.now());
    expect(plan.remove.map((r) => r.path).sort()).toEqual(expected);

    const result = await executePlan({ root, plan, rules, nowMs: Date.now });

    expect(result.removed.map((r) => r.path).sort()).toEqual(expected);
    expect(result.skipped).toEqual([]);
    const left = (await fs.readdir(root)).sort();
    expect(left).toEqual(NAMES.filter((n) => !expected.includes(n)).sort());
  });

  it('the executor re-applies protect and exclude with the same setting', async () => {
    const { root, files, rules } = await mixedCaseFolder(caseSensitiveGlobs);
    const everything = planOf(await Promise.all(files.map((f) => planned(root, f.path))));

    const result = await executePlan({ root, plan: everything, rules, nowMs: Date.now });

    expect(result.removed.map((r) => r.path).sort()).toEqual(expected);
  });
});
