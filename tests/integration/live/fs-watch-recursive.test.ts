/**
 * The recursive mode of the fs.watch backend (macOS and Windows: one watcher per root), run here on Linux,
 * where Node emulates recursive watching: the backend's own logic (what it records, adopts, drops and
 * reports) is the same on every platform; the OS's event delivery is what only a Mac or a PC shows.
 */
import { appendFile, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeWatchDir, type WatchDirFn } from '../../../electron/engine/live/dir-watchers.js';
import { createFsWatchBackend, fsWatchBackendFor } from '../../../electron/engine/live/fs-watch-backend.js';
import type { RawChange, WatchFailure, WatchHandle } from '../../../electron/engine/live/watch-backend.js';
import { tempRoot, waitFor } from './wait-for.js';

describe('fsWatchBackendFor', () => {
  it('watches each root recursively on macOS and Windows, each folder on Linux', () => {
    expect(fsWatchBackendFor('darwin').name).toBe('fs.watch recursive per root');
    expect(fsWatchBackendFor('win32').name).toBe('fs.watch recursive per root');
    expect(fsWatchBackendFor('linux').name).toBe('fs.watch per directory');
  });
});

describe('fs.watch backend, recursive per root (real folders; Node emulates recursion on Linux)', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let handle: WatchHandle | null;
  let changes: RawChange[];
  let failures: WatchFailure[];
  let watcherStarts: { dir: string; recursive: boolean }[];
  const sink = {
    onChanges: (c: RawChange[]) => changes.push(...c),
    onError: (f: WatchFailure) => failures.push(f),
  };
  /** The real watch port, recording each watcher it starts. */
  const countingWatchDir: WatchDirFn = (absDir, onEvent, onError, options) => {
    watcherStarts.push({ dir: absDir, recursive: options?.recursive ?? false });
    return nodeWatchDir(absDir, onEvent, onError, options);
  };
  const last = (p: string) => changes.filter((c) => c.path === p).at(-1);
  const start = (dirs: string[] = [], settleMs = 60) => {
    handle = createFsWatchBackend({ settleMs, recursive: true, watchDir: countingWatchDir }).watch(
      root,
      dirs,
      sink,
    );
    return handle;
  };

  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempRoot('headroom-watch-recursive-'));
    handle = null;
    changes = [];
    failures = [];
    watcherStarts = [];
  });
  afterEach(async () => {
    await handle?.close();
    await cleanup();
  });

  it('starts one recursive watcher for the whole tree, however many folders the scan found', async () => {
    const dirs = ['a', 'a/b', 'c'];
    for (const d of dirs) await mkdir(path.join(root, d), { recursive: true });
    start(dirs);
    expect(watcherStarts).toEqual([{ dir: root, recursive: true }]);
    expect(handle?.watchedDirCount()).toBe(4);
    await writeFile(path.join(root, 'a/b/deep.wav'), 'x'.repeat(7));
    await waitFor(() => last('a/b/deep.wav')?.kind === 'upsert', 'a file two folders down');
    expect(last('a/b/deep.wav')).toMatchObject({ sizeBytes: 7 });
  });

  it('reports a new file, its growth, its removal and a rename with lstat sizes', async () => {
    start();
    await writeFile(path.join(root, 'a.wav'), 'x'.repeat(10));
    await waitFor(() => last('a.wav')?.kind === 'upsert', 'the new file');
    await appendFile(path.join(root, 'a.wav'), 'y'.repeat(5));
    await waitFor(() => (last('a.wav') as { sizeBytes?: number }).sizeBytes === 15, 'the grown size');
    await rename(path.join(root, 'a.wav'), path.join(root, 'b.wav'));
    await waitFor(() => last('a.wav')?.kind === 'remove' && last('b.wav')?.kind === 'upsert', 'the rename');
    await rm(path.join(root, 'b.wav'));
    await waitFor(() => last('b.wav')?.kind === 'remove', 'the removal');
    expect(failures).toEqual([]);
  });

  it('adopts nested folders created after start, without starting more watchers', async () => {
    start();
    await mkdir(path.join(root, 'x/y/z'), { recursive: true });
    await writeFile(path.join(root, 'x/y/z/deep.png'), '1234');
    await waitFor(() => last('x/y/z/deep.png')?.kind === 'upsert', 'the deep file');
    await waitFor(() => handle?.watchedDirCount() === 4, 'the three new folders recorded');
    expect(watcherStarts).toHaveLength(1);
    await writeFile(path.join(root, 'x/y/later.png'), '12');
    await waitFor(() => last('x/y/later.png')?.kind === 'upsert', 'a file in the adopted folder');
  });

  it('reports a folder moved out as removed, and a folder moved in with its files', async () => {
    const outside = `${root}-outside`;
    await mkdir(path.join(root, 'keep/sub'), { recursive: true });
    await mkdir(path.join(outside, 'incoming/inner'), { recursive: true });
    await writeFile(path.join(outside, 'incoming/inner/f.bin'), 'abc');
    start(['keep', 'keep/sub']);
    try {
      await rename(path.join(root, 'keep'), path.join(outside, 'keep'));
      await waitFor(() => last('keep')?.kind === 'dir-removed', 'the moved-out folder');
      expect(handle?.watchedDirCount()).toBe(1);
      await rename(path.join(outside, 'incoming'), path.join(root, 'incoming'));
      await waitFor(() => last('incoming/inner/f.bin')?.kind === 'upsert', 'a file of the moved-in folder');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('never reports a symlink as a file, nor follows it', async () => {
    await mkdir(path.join(root, 'real'));
    start(['real']);
    await writeFile(path.join(root, 'target.txt'), 'target');
    await symlink(path.join(root, 'target.txt'), path.join(root, 'link.txt'));
    await symlink(path.join(root, 'real'), path.join(root, 'linkdir'));
    await waitFor(() => last('link.txt') !== undefined && last('linkdir') !== undefined, 'the link events');
    expect(last('link.txt')?.kind).toBe('remove');
    expect(last('linkdir')?.kind).toBe('remove');
  });

  it('reports the root itself disappearing', async () => {
    start();
    await writeFile(path.join(root, 'a.wav'), 'x');
    await waitFor(() => last('a.wav')?.kind === 'upsert', 'a first file');
    await rm(root, { recursive: true });
    await waitFor(() => changes.some((c) => c.kind === 'dir-removed' && c.path === ''), 'the root removal');
  });
});
