/**
 * Real temp folders for the executor's integration tests: files with a chosen age, plans built from
 * `lstat` of those files (what a scan would have recorded), and the clean-up of everything created.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolderPlan, FolderRules, PlannedRemoval, RemovalReason } from '../../../shared/types.js';
import { MS_PER_DAY } from '../../../shared/units.js';
import { folderRules } from '../../support/folder-rules.js';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';

const created: string[] = [];

/** A fresh temp folder, removed by `removeTempDirs`. Resolved, so `/tmp` being a link does not matter. */
export async function makeTempDir(prefix = 'headroom-exec-'): Promise<string> {
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** Call from `afterEach`: restores permissions (a test may lock a folder) and deletes every temp folder. */
export async function removeTempDirs(): Promise<void> {
  for (const dir of created.splice(0)) {
    await fs.chmod(dir, 0o755).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Writes `root/relPath` (creating folders) and sets its mtime `ageMs` before now. */
export async function writeFile(root: string, relPath: string, content: string, ageMs = 30 * MS_PER_DAY) {
  const abs = path.join(root, ...relPath.split('/'));
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, content);
  const when = new Date(Date.now() - ageMs);
  await fs.utimes(abs, when, when);
  return abs;
}

/** The planned removal a scan would have produced for `root/relPath` now (`lstat`, so links are not followed). */
export async function planned(
  root: string,
  relPath: string,
  reason: RemovalReason = 'age',
): Promise<PlannedRemoval> {
  const st = await fs.lstat(path.join(root, ...relPath.split('/')));
  return { path: relPath, sizeBytes: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino, reason };
}

/** A plan removing `items`, with a note so tests can see notes are copied. */
export function planOf(items: PlannedRemoval[], name = 'outputs'): FolderPlan {
  return {
    name,
    remove: items,
    bytesToFree: items.reduce((sum, i) => sum + i.sizeBytes, 0),
    overLimitAfter: true,
    notes: ['a note from the plan'],
    kept: { protected: 0, young: 0 },
  };
}

/** Rules for `root`: 1-day age limit, 10-minute grace period, delete. */
export function rulesFor(root: string, overrides: Partial<FolderRules> = {}): FolderRules {
  return folderRules({ path: root, maxAgeDays: 1, ...overrides });
}

/** Carries out a plan removing `items` under `root` with `rulesFor(root, rules)`, on the real clock unless given one. */
export function runPlan(
  root: string,
  items: PlannedRemoval[],
  rules: Partial<FolderRules> = {},
  nowMs = Date.now,
) {
  return executePlan({ root, plan: planOf(items), rules: rulesFor(root, rules), nowMs });
}

export async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

/** Every file and folder under `dir`, relative, sorted: to assert a folder was left exactly as it was. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true });
  return entries.map((e) => e.split(path.sep).join('/')).sort();
}
