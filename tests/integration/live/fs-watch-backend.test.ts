import { appendFile, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeWatchDir, type WatchDirFn } from '../../../electron/engine/live/dir-watchers.js';
import { createFsWatchBackend } from '../../../electron/engine/live/fs-watch-backend.js';
import type { RawChange, WatchFailure, WatchHandle } from '../../../electron/engine/live/watch-backend.js';
import { WatchStartError } from '../../../electron/engine/live/watch-failure.js';
import { inotifyWatchCount, tempRoot, waitFor } from './wait-for.js';

/** A directory-watch port that fails with `code` from the `nth` call on (1-based). */
function failingFrom(nth: number, code: string): { watchDir: WatchDirFn; calls: () => number } {
  let calls = 0;
  const watchDir: WatchDirFn = (absDir, onEvent, onError) => {
    calls++;
    if (calls >= nth) throw Object.assign(new Error(`watch ${absDir} ${code}`), { code });
    return nodeWatchDir(absDir, onEvent, onError);
  };
  return { watchDir, calls: () => calls };
}

describe('fsWatchBackend (real folders, real fs.watch)', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let handle: WatchHandle | null;
  let changes: RawChange[];
  let failures: WatchFailure[];
  const sink = {
    onChanges: (c: RawChange[]) => changes.push(...c),
    onError: (f: WatchFailure) => failures.push(f),
  };
  const last = (p: string) => changes.filter((c) => c.path === p).at(-1);
  const start = (dirs: string[] = [], settleMs = 60) => {
    handle = createFsWatchBackend({ settleMs }).watch(root, dirs, sink);
    return handle;
  };

  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempRoot());
    handle = null;
    changes = [];
    failures = [];
  });
  afterEach(async () => {
    await handle?.close();
    await cleanup();
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

  it('watches nested folders created after start and reports the files inside them', async () => {
    start();
    await mkdir(path.join(root, 'x/y/z'), { recursive: true });
    await writeFile(path.join(root, 'x/y/z/deep.png'), '1234');
    await waitFor(() => last('x/y/z/deep.png')?.kind === 'upsert', 'the deep file');
    expect(changes.filter((c) => c.kind === 'dir-added').map((c) => c.path)).toEqual(['x', 'x/y', 'x/y/z']);
    expect(handle?.watchedDirCount()).toBe(4);
    await writeFile(path.join(root, 'x/y/later.png'), '12');
    await waitFor(() => last('x/y/later.png')?.kind === 'upsert', 'a file in the now-watched folder');
  });

  it('reports a folder moved out as removed and a folder moved in with its files', async () => {
    const outside = `${root}-outside`;
    await mkdir(path.join(root, 'keep/sub'), { recursive: true });
    await mkdir(path.join(outside, 'incoming/inner'), { recursive: true });
    await writeFile(path.join(outside, 'incoming/inner/f.bin'), 'abc');
    start(['keep', 'keep/sub']);
    try {
      await rename(path.join(root, 'keep'), path.join(outside, 'keep'));
      await waitFor(() => last('keep')?.kind === 'dir-removed', 'the moved-out folder');
      expect(handle?.watchedDirCount()).toBe(1);
      await writeFile(path.join(outside, 'keep/sub/after.txt'), 'no');
      await rename(path.join(outside, 'incoming'), path.join(root, 'incoming'));
      await waitFor(() => last('incoming/inner/f.bin')?.kind === 'upsert', 'a file of the moved-in folder');
      expect(changes.some((c) => c.path.includes('after.txt'))).toBe(false);
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
    expect(handle?.watchedDirCount()).toBe(2);
  });

  it('does not report a file still being written until it settles', async () => {
    start([], 400);
    const file = path.join(root, 'growing.bin');
    for (let i = 0; i < 10; i++) {
      await appendFile(file, 'x'.repeat(100));
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(() => last('growing.bin') !== undefined, 'the settled file');
    expect(changes.filter((c) => c.path === 'growing.bin')).toEqual([
      { kind: 'upsert', path: 'growing.bin', sizeBytes: 1000, mtimeMs: expect.any(Number) },
    ]);
  });

  it('reports the root itself disappearing', async () => {
    start();
    await rm(root, { recursive: true });
    await waitFor(() => changes.some((c) => c.kind === 'dir-removed' && c.path === ''), 'the root removal');
  });

  it('uses one inotify watch per folder, not per file', async () => {
    const dirs = ['a', 'a/b', 'c'];
    for (const d of dirs) await mkdir(path.join(root, d), { recursive: true });
    for (let i = 0; i < 50; i++) await writeFile(path.join(root, dirs[i % 3] as string, `f${i}`), 'x');
    const before = await inotifyWatchCount();
    start(dirs);
    expect((await inotifyWatchCount()) - before).toBe(4);
    await handle?.close();
    handle = null;
    expect(await inotifyWatchCount()).toBe(before);
  });

  it('throws a WatchStartError naming ENOSPC when the Nth folder cannot be watched (fault-injecting watch port)', async () => {
    for (const d of ['a', 'b', 'c']) await mkdir(path.join(root, d));
    const before = await inotifyWatchCount();
    const faulty = failingFrom(3, 'ENOSPC');
    let thrown: unknown;
    try {
      createFsWatchBackend({ watchDir: faulty.watchDir }).watch(root, ['a', 'b', 'c'], sink);
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
    handle = createFsWatchBackend({ settleMs: 60, watchDir: faulty.watchDir }).watch(root, [], sink);
    await mkdir(path.join(root, 'new'));
    await waitFor(() => failures.length > 0, 'the failure');
    expect(failures[0]).toMatchObject({ code: 'EMFILE', path: 'new', recoverable: false });
  });
});
