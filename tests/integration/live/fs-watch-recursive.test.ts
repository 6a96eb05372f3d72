/**
 * The recursive mode of the fs.watch backend (macOS and Windows: one watcher per root), run here on Linux,
 * where Node emulates recursive watching: the backend's own logic (what it records, adopts, drops and
 * reports) is the same on every platform; the OS's event delivery is what only a Mac or a PC shows.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeWatchDir, type WatchDirFn } from '../../../electron/engine/live/dir-watchers.js';
import { createFsWatchBackend, fsWatchBackendFor } from '../../../electron/engine/live/fs-watch-backend.js';
import { waitFor } from './wait-for.js';
import {
  expectFileLifecycle,
  expectFoldersMovedOutAndIn,
  expectSymlinksNotFollowed,
  useWatchBench,
} from './watch-bench.js';

describe('fsWatchBackendFor', () => {
  it('watches each root recursively on macOS and Windows, each folder on Linux', () => {
    expect(fsWatchBackendFor('darwin').name).toBe('fs.watch recursive per root');
    expect(fsWatchBackendFor('win32').name).toBe('fs.watch recursive per root');
    expect(fsWatchBackendFor('linux').name).toBe('fs.watch per directory');
  });
});

describe('fs.watch backend, recursive per root (real folders; Node emulates recursion on Linux)', () => {
  const bench = useWatchBench('headroom-watch-recursive-');
  const { last, sink } = bench;
  let watcherStarts: { dir: string; recursive: boolean }[];
  /** The real watch port, recording each watcher it starts. */
  const countingWatchDir: WatchDirFn = (absDir, sink, options) => {
    watcherStarts.push({ dir: absDir, recursive: options?.recursive ?? false });
    return nodeWatchDir(absDir, sink, options);
  };
  const start = (dirs: string[] = [], settleMs = 60) => {
    bench.handle = createFsWatchBackend({ settleMs, recursive: true, watchDir: countingWatchDir }).watch(
      bench.root,
      dirs,
      sink,
    );
    return bench.handle;
  };

  beforeEach(() => {
    watcherStarts = [];
  });

  it('starts one recursive watcher for the whole tree, however many folders the scan found', async () => {
    const dirs = ['a', 'a/b', 'c'];
    for (const d of dirs) await mkdir(path.join(bench.root, d), { recursive: true });
    start(dirs);
    expect(watcherStarts).toEqual([{ dir: bench.root, recursive: true }]);
    expect(bench.handle?.watchedDirCount()).toBe(4);
    await writeFile(path.join(bench.root, 'a/b/deep.wav'), 'x'.repeat(7));
    await waitFor(() => last('a/b/deep.wav')?.kind === 'upsert', 'a file two folders down');
    expect(last('a/b/deep.wav')).toMatchObject({ sizeBytes: 7 });
  });

  it('reports a new file, its growth, its removal and a rename with lstat sizes', async () => {
    start();
    await expectFileLifecycle(bench);
  });

  it('adopts nested folders created after start, without starting more watchers', async () => {
    start();
    await mkdir(path.join(bench.root, 'x/y/z'), { recursive: true });
    await writeFile(path.join(bench.root, 'x/y/z/deep.png'), '1234');
    await waitFor(() => last('x/y/z/deep.png')?.kind === 'upsert', 'the deep file');
    await waitFor(() => bench.handle?.watchedDirCount() === 4, 'the three new folders recorded');
    expect(watcherStarts).toHaveLength(1);
    await writeFile(path.join(bench.root, 'x/y/later.png'), '12');
    await waitFor(() => last('x/y/later.png')?.kind === 'upsert', 'a file in the adopted folder');
  });

  it('reports a folder moved out as removed, and a folder moved in with its files', async () => {
    await expectFoldersMovedOutAndIn(bench, start);
  });

  it('never reports a symlink as a file, nor follows it', async () => {
    await expectSymlinksNotFollowed(bench, start);
  });

  it('reports the root itself disappearing', async () => {
    start();
    await writeFile(path.join(bench.root, 'a.wav'), 'x');
    await waitFor(() => last('a.wav')?.kind === 'upsert', 'a first file');
    await rm(bench.root, { recursive: true });
    await waitFor(
      () => bench.changes.some((c) => c.kind === 'dir-removed' && c.path === ''),
      'the root removal',
    );
  });
});
