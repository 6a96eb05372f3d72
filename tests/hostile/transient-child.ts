/**
 * Runs `executePlan` in a process of its own so it can run inside a private mount namespace (a real EBUSY
 * or EROFS) or as an unprivileged user (a real EACCES). Plans `files` itself, from `lstat` inside that
 * namespace, with the executor's default 2 s retry delay unless the input sets one. The fs port is the real one, wrapped only to
 * count unlink calls; `fakeUnlinkError` (EAGAIN, which the kernel will not produce on demand for unlink)
 * makes the wrapper throw that code for one path, and the test that uses it says so.
 * stdin: `{ root, files, fakeUnlinkError?, retryDelayMs? }`; stdout: `{ result, unlinkCalls, elapsedMs }`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { executePlan } from '../../electron/engine/executor/execute-plan.js';
import { dirFsWith, errnoError } from '../support/dir-fs-port.js';
import type { FolderPlan, PlannedRemoval } from '../../shared/types.js';
import { folderRules } from '../support/folder-rules.js';

interface ChildInput {
  root: string;
  files: string[];
  fakeUnlinkError?: { path: string; code: string };
  retryDelayMs?: number;
}

let text = '';
for await (const chunk of process.stdin) text += String(chunk);
const { root, files, fakeUnlinkError, retryDelayMs } = JSON.parse(text) as ChildInput;

const remove = await Promise.all(
  files.map(async (rel): Promise<PlannedRemoval> => {
    const st = await fs.lstat(path.join(root, rel));
    return { path: rel, sizeBytes: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino, reason: 'age' };
  }),
);
const plan: FolderPlan = {
  name: 'outputs',
  remove,
  bytesToFree: 0,
  overLimitAfter: false,
  notes: [],
  kept: { protected: 0, young: 0 },
};
const unlinkCalls: string[] = [];
const dirFs = dirFsWith({
  unlink(real, dir, name) {
    const rel = path.relative(root, path.join(dir.absPath, name));
    unlinkCalls.push(rel);
    if (fakeUnlinkError?.path === rel) throw errnoError(fakeUnlinkError.code, `unlinkat '${name}'`);
    real.unlink(dir, name);
  },
});
const startedMs = performance.now();
const result = await executePlan({
  root,
  plan,
  rules: folderRules({ path: root, maxAgeDays: 1 }),
  nowMs: Date.now,
  dirFs,
  retryDelayMs,
});
const elapsedMs = performance.now() - startedMs;
process.stdout.write(JSON.stringify({ result, unlinkCalls, elapsedMs }));
