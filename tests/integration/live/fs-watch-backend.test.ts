import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeWatchDir, type WatchDirFn } from '../../../electron/engine/live/dir-watchers.js';
import { createFsWatchBackend } from '../../../electron/engine/live/fs-watch-backend.js';
import { WatchStartError } from '../../../electron/engine/live/watch-failure.js';
import { inotifyWatchCount, waitFor } from './wait-for.js';
import {
  expectFileLifecycle,
  expectFoldersMovedOutAndIn,
  expectSymlinksNotFollowed,
  useWatchBench,
} from './watch-bench.js';

/** A directory-watch port that fails with `code` from the `nth` call on (1-based). */
function failingFrom(nth: number, code: string): { watchDir: WatchDirFn; calls: () => number } {
  let calls = 0;
  const watchDir: WatchDirFn = (absDir, sink) => {
    calls++;
    if (calls >= nth) throw Object.assign(new Error(`watch ${absDir} ${code}`), { code });
    return nodeWatchDir(absDir, sink);
  };
  return { watchDir, calls: () => calls };
}

describe('fsWatchBackend (real folders, real fs.watch)', () => {
  const bench = useWatchBench();
  const { last, sink } = bench;
  const start = (dirs: string[] = [], settleMs = 60) => {
    bench.handle = createFsWatchBackend({ settleMs }).watch(bench.root, dirs, sink);
    return bench.handle;
  };

  it('reports a new file, its growth, its removal and a rename with lstat sizes', async () => {
    start();
    await expectFileLifecycle(bench);
  });

  it('watches nested folders created after start and reports the files inside them', async () => {
    start();
    await mkdir(path.join(bench.root, 'x/y/z'), { recursive: true });
    await writeFile(path.join(bench.root, 'x/y/z/deep.png'), '1234');
    await waitFor(() => last('x/y/z/deep.png')?.kind === 'upsert', 'the deep file');
    expect(bench.changes.filter((c) => c.kind === 'dir-added').map((c) => c.path)).toEqual([
      'x',
      'x/y',
      'x/y/z',
    ]);
    expect(bench.handle?.watchedDirCount()).toBe(4);
    await writeFile(path.join(bench.root, 'x/y/later.png'), '12');
    await waitFor(() => last('x/y/later.png')?.kind === 'upsert', 'a file in the now-watched folder');
  });

  it('reports a folder moved out as removed and a folder moved in with its files', async () => {
    await expectFoldersMovedOutAndIn(bench, start);
  });

  it('never reports a symlink as a file, nor follows it', async () => {
    await expectSymlinksNotFollowed(bench, start);
  });

  it('does not report a file still being written until it settles', async () => {
    start([], 400);
    const file = path.join(bench.root, 'growing.bin');
    for (let i = 0; i < 10; i++) {
      await appendFile(file, 'x'.repeat(100));
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(() => last('growing.bin') !== undefined, 'the settled file');
    expect(bench.changes.filter((c) => c.path === 'growing.bin')).toEqual([
      { kind: 'upsert', path: 'growing.bin', sizeBytes: 1000, mtimeMs: expect.any(Number) },
    ]);
  });

  it('reports the root itself disappearing', async () => {
    start();
    await rm(bench.root, { recursive: true });
    await waitFor(
      () => bench.changes.some((c) => c.kind === 'dir-removed' && c.path === ''),
      'the root removal',
    );
  });

  it('uses one inotify watch per folder, not per file', async () => {
    const dirs = ['a', 'a/b', 'c'];
    for (const d of dirs) await mkdir(path.join(bench.root, d), { recursive: true });
    for (let i = 0; i < 50; i++) await writeFile(path.join(bench.root, dirs[i % 3] as string, `f${i}`), 'x');
    const before = await inotifyWatchCount();
    start(dirs);
    expect((await inotifyWatchCount()) - before).toBe(4);
    await bench.handle?.close();
    bench.handle = null;
    expect(await inotifyWatchCount()).toBe(before);
  });

  it('throws a WatchStartError naming ENOSPC when the Nth folder cannot be watched (fault-injecting watch port)', async () => {
    for (const d of ['a', 'b', 'c']) await mkdir(path.join(bench.root, d));
    const before = await inotifyWatchCount();
    const faulty = failingFrom(3, 'ENOSPC');
    let thrown: unknown;
    try {
      createFsWatchBackend({ watchDir: faulty.watchDir }).watch(bench.root, ['a', 'b', 'c'], sink);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(WatchStartError);
    expect((thrown as WatchStartError).failure).toMatchObject({
      code: 'ENOSPC',
      path: 'b',
      recoverable: false,
    });
    expect((thrown as WatchStartError).failure.message).toMatch(/inotify watch limit reached \(ENOSPC\)/);
    expect(await inotifyWatchCount()).toBe(before); // the watchers opened before the failure were closed
  });

  it('reports a folder that cannot be watched later as an unrecoverable failure (fault-injecting watch port)', async () => {
    const faulty = failingFrom(2, 'EMFILE');
    bench.handle = createFsWatchBackend({ settleMs: 60, watchDir: faulty.watchDir }).watch(
      bench.root,
      [],
      sink,
    );
    await mkdir(path.join(bench.root, 'new'));
    await waitFor(() => bench.failures.length > 0, 'the failure');
    expect(bench.failures[0]).toMatchObject({ code: 'EMFILE', path: 'new', recoverable: false });
  });
});
