/**
 * How a run behaves as a whole: cancellation between files, paced progress reports, and the one retry
 * of transient errors. Errors the kernel will not produce on demand come from a fake fs port.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan, type ExecuteProgress } from '../../../electron/engine/executor/execute-plan.js';
import type { DirFs } from '../../../electron/engine/removal/dir-fs.js';
import { dirFsWith, errnoError } from '../../support/dir-fs-port.js';
import {
  exists,
  makeTempDir,
  planned,
  planOf,
  removeTempDirs,
  rulesFor,
  writeFile,
} from './executor-fixtures.js';

afterEach(removeTempDirs);

async function folderOf(count: number) {
  const root = await makeTempDir();
  const names = Array.from({ length: count }, (_, i) => `f${String(i).padStart(5, '0')}.txt`);
  for (const name of names) await writeFile(root, name, 'data');
  return { root, items: await Promise.all(names.map((n) => planned(root, n))) };
}

/** An fs port whose `unlink` fails with `code` for the listed names, the given number of times each. */
function failingUnlink(failures: Record<string, { code: string; times: number }>) {
  const calls: string[] = [];
  const dirFs: DirFs = dirFsWith({
    unlink: (real, dir, name) => {
      calls.push(name);
      const failure = failures[name];
      if (failure && failure.times > 0) {
        failure.times--;
        throw errnoError(failure.code, `unlinkat '${name}'`);
      }
      real.unlink(dir, name);
    },
  });
  return { dirFs, calls };
}

describe('executePlan run control', () => {
  it('stops between files when cancelled and records the rest as cancelled (fs port counts unlinks)', async () => {
    const { root, items } = await folderOf(10);
    const controller = new AbortController();
    let unlinks = 0;
    const dirFs = dirFsWith({
      unlink: (real, dir, name) => {
        real.unlink(dir, name);
        if (++unlinks === 4) controller.abort();
      },
    });

    const result = await executePlan({
      root,
      plan: planOf(items),
      rules: rulesFor(root),
      nowMs: Date.now,
      signal: controller.signal,
      dirFs,
    });

    // The file in flight when the signal fired finishes; none is started after it.
    const k = result.removed.length;
    expect(k).toBe(4);
    expect(result.removed.map((r) => r.path)).toEqual(items.slice(0, k).map((i) => i.path));
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual(
      items.slice(k).map((i) => [i.path, 'cancelled']),
    );
    expect(await fs.readdir(root)).toHaveLength(10 - k);
  });

  it('reports progress at the start, the end, and far less often than once per file', async () => {
    const { root, items } = await folderOf(1500);
    const reports: ExecuteProgress[] = [];

    const result = await executePlan({
      root,
      plan: planOf(items),
      rules: rulesFor(root),
      nowMs: Date.now,
      onProgress: (p) => reports.push(p),
      progressEveryFiles: 500,
    });

    expect(result.filesRemoved).toBe(1500);
    expect(reports[0]).toEqual({ filesDone: 0, filesTotal: 1500, filesRemoved: 0, bytesFreed: 0 });
    // Freed means disk blocks given back: a 4-byte file occupies at least one block.
    expect(reports.at(-1)).toEqual({
      filesDone: 1500,
      filesTotal: 1500,
      filesRemoved: 1500,
      bytesFreed: result.bytesFreed,
    });
    expect(result.bytesFreed).toBeGreaterThanOrEqual(1500 * 4);
    expect(result.bytesRemoved).toBe(1500 * 4);
    expect(reports.length).toBeGreaterThanOrEqual(4); // start, every 500 files, end
    expect(reports.length).toBeLessThan(60);
    const done = reports.map((r) => r.filesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Removals are counted as they happen, so a checkpoint can trust them: never ahead of the files done.
    const removed = reports.map((r) => r.filesRemoved ?? 0);
    expect(removed).toEqual([...removed].sort((a, b) => a - b));
    expect(reports.every((r) => (r.filesRemoved ?? 0) <= r.filesDone)).toBe(true);
  });

  it('retries a transient error once after the delay, then leaves it for the next run (fake fs port)', async () => {
    const { root, items } = await folderOf(3);
    const { dirFs, calls } = failingUnlink({
      'f00000.txt': { code: 'EBUSY', times: 1 },
      'f00001.txt': { code: 'EBUSY', times: 99 },
    });

    const result = await executePlan({
      root,
      plan: planOf(items),
      rules: rulesFor(root),
      nowMs: Date.now,
      dirFs,
      retryDelayMs: 50,
    });

    expect(result.removed.map((r) => r.path).sort()).toEqual(['f00000.txt', 'f00002.txt']);
    expect(result.skipped.map((s) => [s.path, s.why])).toEqual([['f00001.txt', 'retry-later']]);
    expect(result.skipped[0]?.detail).toMatch(/^EBUSY twice/);
    expect(result.errors).toEqual([]);
    expect(calls.slice(0, 3).sort()).toEqual(['f00000.txt', 'f00001.txt', 'f00002.txt']);
    expect(calls.slice(3)).toEqual(['f00000.txt', 'f00001.txt']);
    expect(await exists(path.join(root, 'f00001.txt'))).toBe(true);
  });

  it('records a permanent error without retrying and goes on with the next file (fake fs port)', async () => {
    const { root, items } = await folderOf(3);
    const { dirFs, calls } = failingUnlink({ 'f00001.txt': { code: 'EPERM', times: 99 } });

    const result = await executePlan({
      root,
      plan: planOf(items),
      rules: rulesFor(root),
      nowMs: Date.now,
      dirFs,
      retryDelayMs: 10_000,
    });

    expect(result.errors).toEqual([
      { path: 'f00001.txt', code: 'EPERM', message: expect.stringContaining('fake failure') },
    ]);
    expect(result.removed.map((r) => r.path)).toEqual(['f00000.txt', 'f00002.txt']);
    expect(calls.sort()).toEqual(['f00000.txt', 'f00001.txt', 'f00002.txt']);
  });
});
