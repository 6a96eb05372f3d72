import { appendFile, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveFolder, type LiveFolderOptions } from '../../../electron/engine/live/live-folder.js';
import { createFsWatchBackend } from '../../../electron/engine/live/fs-watch-backend.js';
import { tempRoot, waitFor } from './wait-for.js';
import { rulesFor } from './live-folder-fixtures.js';

describe('LiveFolder (real folders, real watchers)', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  const folders: LiveFolder[] = [];
  const logs: string[] = [];
  const start = async (options: Partial<LiveFolderOptions> = {}) => {
    const folder = await LiveFolder.start({
      rules: rulesFor(root),
      backend: createFsWatchBackend({ settleMs: 60 }),
      log: (m) => logs.push(m),
      ...options,
    });
    folders.push(folder);
    return folder;
  };
  const stats = (folder: LiveFolder) => folder.status(Date.now());

  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempRoot('headroom-live-'));
    logs.length = 0;
  });
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((f) => f.dispose()));
    await cleanup();
  });

  it('counts the initial files, leaving out excluded ones, and starts watching', async () => {
    await mkdir(path.join(root, 'sub'));
    await writeFile(path.join(root, 'a.wav'), 'x'.repeat(100));
    await writeFile(path.join(root, 'sub/b.wav'), 'x'.repeat(50));
    await writeFile(path.join(root, 'sub/skip.tmp'), 'x'.repeat(1000));
    const folder = await start({ rules: rulesFor(root, { exclude: ['*.tmp'] }) });
    expect(stats(folder)).toMatchObject({ exists: true, error: null, sizeBytes: 150, fileCount: 2 });
    expect(stats(folder).watch).toEqual({ mode: 'watching', reason: null });
    expect(
      logs.filter((m) => m.includes('off by')),
      'the first scan is not drift',
    ).toEqual([]);
    await writeFile(path.join(root, 'sub/more.tmp'), 'x'.repeat(10));
    await writeFile(path.join(root, 'c.wav'), 'x'.repeat(7));
    await waitFor(() => stats(folder).fileCount === 3, 'the new counted file');
    expect(stats(folder).sizeBytes).toBe(157);
  });

  it('follows adds, growth, deletes, renames, nested folders and folders moved in and out', async () => {
    const outside = `${root}-outside`;
    await mkdir(path.join(outside, 'batch'), { recursive: true });
    await writeFile(path.join(outside, 'batch/one.png'), 'x'.repeat(30));
    const folder = await start();
    try {
      await writeFile(path.join(root, 'a.wav'), 'x'.repeat(10));
      await waitFor(() => stats(folder).sizeBytes === 10, 'the add');
      await appendFile(path.join(root, 'a.wav'), 'x'.repeat(10));
      await waitFor(() => stats(folder).sizeBytes === 20, 'the growth');
      await mkdir(path.join(root, 'n1/n2'), { recursive: true });
      await rename(path.join(root, 'a.wav'), path.join(root, 'n1/n2/a.wav'));
      await waitFor(() => folder.files.has('n1/n2/a.wav') && !folder.files.has('a.wav'), 'the rename');
      await rename(path.join(outside, 'batch'), path.join(root, 'n1/batch'));
      await waitFor(() => stats(folder).sizeBytes === 50, 'the folder moved in');
      await rename(path.join(root, 'n1'), path.join(outside, 'n1'));
      await waitFor(() => stats(folder).fileCount === 0, 'the folder moved out');
      expect(stats(folder).sizeBytes).toBe(0);
      expect(await folder.rescan()).toEqual({ files: 0, bytes: 0 });
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('never counts symlinks created inside', async () => {
    await writeFile(path.join(root, 'real.bin'), 'x'.repeat(40));
    const folder = await start();
    await symlink(path.join(root, 'real.bin'), path.join(root, 'link.bin'));
    await symlink(root, path.join(root, 'loop'));
    await writeFile(path.join(root, 'marker'), 'x');
    await waitFor(() => folder.files.has('marker'), 'a later file');
    expect(stats(folder)).toMatchObject({ fileCount: 2, sizeBytes: 41 });
    expect(folder.files.has('link.bin')).toBe(false);
  });

  it('settles a burst of 3,000 files with few change notifications and no drift', async () => {
    const folder = await start();
    let notifications = 0;
    folder.onChanged(() => notifications++);
    await mkdir(path.join(root, 'burst'));
    for (let i = 0; i < 3000; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, j) =>
          writeFile(path.join(root, 'burst', `f${i + j}`), 'x'.repeat(((i + j) % 7) + 1)),
        ),
      );
    }
    const expectedBytes = Array.from({ length: 3000 }, (_, k) => (k % 7) + 1).reduce((a, b) => a + b, 0);
    await waitFor(
      () => stats(folder).fileCount === 3000 && stats(folder).sizeBytes === expectedBytes,
      'the burst',
      10_000,
    );
    await new Promise((r) => setTimeout(r, 300)); // let a trailing notification land before counting
    expect(notifications).toBeGreaterThan(0);
    expect(notifications).toBeLessThanOrEqual(40);
    expect(await folder.rescan()).toEqual({ files: 0, bytes: 0 });
  });

  it('starts watching a root that is created after start, and waits again when it disappears', async () => {
    const later = path.join(root, 'later');
    const folder = await start({ rules: rulesFor(later), existencePollMs: 100 });
    expect(stats(folder)).toMatchObject({ exists: false, fileCount: 0, watch: { mode: 'off' } });
    await mkdir(later);
    await writeFile(path.join(later, 'x.bin'), 'x'.repeat(5));
    await waitFor(
      () => stats(folder).exists && stats(folder).watch.mode === 'watching',
      'the root to be found',
    );
    await writeFile(path.join(later, 'y.bin'), 'x'.repeat(5));
    await waitFor(() => stats(folder).sizeBytes === 10, 'both files');
    await rm(later, { recursive: true });
    await waitFor(() => !stats(folder).exists, 'the root to be gone');
    expect(stats(folder)).toMatchObject({ fileCount: 0, sizeBytes: 0, watch: { mode: 'off' } });
    await mkdir(later);
    await writeFile(path.join(later, 'z.bin'), 'x'.repeat(3));
    await waitFor(() => stats(folder).exists && stats(folder).sizeBytes === 3, 'the root to come back');
  });
});
