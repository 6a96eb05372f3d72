/**
 * Issue 10, finding 6 and deliverable 3. A file still held open for writing by another process is kept
 * (`in-use`), however old its last write. On the path-based fallback (no race-free removal), files in a
 * folder another user can write to are kept (`shared-folder`); the addon removes them, since a swap there
 * cannot redirect it. Real processes, real folders; the fallback is chosen with `forcePathFallback`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import {
  makeTempDir,
  planned,
  planOf,
  removeTempDirs,
  rulesFor,
  writeFile,
} from '../executor/executor-fixtures.js';

const children: ChildProcess[] = [];
afterEach(async () => {
  children.splice(0).forEach((c) => c.kill('SIGKILL'));
  await removeTempDirs();
});

/** Another process that opens `file` for appending (or reading) and holds it until killed. */
async function holdOpen(file: string, flags: 'a' | 'r'): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('fs').openSync(${JSON.stringify(file)}, '${flags}'); console.log('open'); setInterval(() => {}, 1e6)`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
}

describe.runIf(process.platform === 'linux')('files in use (Linux: /proc/PID/fdinfo)', () => {
  it('keeps a file another process holds open for writing, removes one held only for reading', async () => {
    const root = await makeTempDir();
    const writing = await writeFile(root, 'recording.wav', 'still being written'); // mtime a month ago
    const reading = await writeFile(root, 'played.wav', 'only read');
    await holdOpen(writing, 'a');
    await holdOpen(reading, 'r');
    const items = [await planned(root, 'recording.wav'), await planned(root, 'played.wav')];

    const result = await executePlan({ root, plan: planOf(items), rules: rulesFor(root), nowMs: Date.now });

    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([['recording.wav', 'in-use']]);
    expect(result.removed.map((r) => r.path)).toEqual(['played.wav']);
    expect(fs.existsSync(writing)).toBe(true);
  });
});

describe.runIf(process.platform === 'linux' && process.getuid?.() === 0)(
  'folders other users can write to',
  () => {
    async function sharedTree() {
      const root = await makeTempDir();
      await writeFile(root, 'mine/a.wav', 'a');
      await writeFile(root, 'open/b.wav', 'b');
      await writeFile(root, 'theirs/c.wav', 'c');
      fs.chmodSync(path.join(root, 'open'), 0o777);
      fs.chownSync(path.join(root, 'theirs'), 65534, 65534);
      const items = await Promise.all(
        ['mine/a.wav', 'open/b.wav', 'theirs/c.wav'].map((r) => planned(root, r)),
      );
      return { root, items };
    }

    it('path fallback: keeps files in a world-writable folder and in another user’s folder, and says why', async () => {
      const { root, items } = await sharedTree();

      const result = await executePlan({
        root,
        plan: planOf(items),
        rules: rulesFor(root),
        nowMs: Date.now,
        forcePathFallback: true,
      });

      expect(result.removed.map((r) => r.path)).toEqual(['mine/a.wav']);
      expect(result.skipped.map((s) => [s.path, s.why])).toEqual([
        ['open/b.wav', 'shared-folder'],
        ['theirs/c.wav', 'shared-folder'],
      ]);
      expect(result.skipped[0]?.detail).toMatch(/can be written by another user/);
      expect(result.notes.join(' ')).toMatch(/race-free removal is not available/);
    });

    it('addon: removes them, since the open folder pins where each removal happens', async () => {
      const { root, items } = await sharedTree();

      const result = await executePlan({ root, plan: planOf(items), rules: rulesFor(root), nowMs: Date.now });

      expect(result.removed.map((r) => r.path)).toEqual(['mine/a.wav', 'open/b.wav', 'theirs/c.wav']);
    });
  },
);
