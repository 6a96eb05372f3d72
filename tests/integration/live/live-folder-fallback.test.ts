import { spawn } from 'node:child_process';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveFolder, type LiveFolderOptions } from '../../../electron/engine/live/live-folder.js';
import { createFsWatchBackend } from '../../../electron/engine/live/fs-watch-backend.js';
import { tempRoot, waitFor } from './wait-for.js';
import { deafBackend, lossyBackend, rulesFor, watchDirFailingFrom } from './live-folder-fixtures.js';

describe('LiveFolder fallback, drift and disposal', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  const folders: LiveFolder[] = [];
  const logs: string[] = [];
  const start = async (options: Partial<LiveFolderOptions> & { rules?: LiveFolderOptions['rules'] } = {}) => {
    const folder = await LiveFolder.start({ rules: rulesFor(root), log: (m) => logs.push(m), ...options });
    folders.push(folder);
    return folder;
  };
  const stats = (folder: LiveFolder) => folder.status(Date.now());

  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempRoot('headroom-fallback-'));
    logs.length = 0;
  });
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((f) => f.dispose()));
    await cleanup();
  });

  it('falls back to polling on ENOSPC at start while another folder keeps watching (fault-injecting backend port)', async () => {
    const limited = path.join(root, 'limited');
    const healthy = path.join(root, 'healthy');
    for (const d of ['limited/a', 'limited/b', 'healthy'])
      await mkdir(path.join(root, d), { recursive: true });
    const failing = createFsWatchBackend({ settleMs: 60, watchDir: watchDirFailingFrom(2, 'ENOSPC') });
    const polled = await start({ rules: rulesFor(limited), backend: failing, pollIntervalMs: 150 });
    const watched = await start({
      rules: rulesFor(healthy, { name: 'healthy' }),
      backend: createFsWatchBackend({ settleMs: 60 }),
    });
    expect(stats(polled).watch.mode).toBe('polling');
    expect(stats(polled).watch.reason).toMatch(
      /inotify watch limit reached \(ENOSPC\).*rescans this folder every 0.15 s/,
    );
    expect(logs.some((l) => l.startsWith('outputs: cannot watch'))).toBe(true);
    await writeFile(path.join(limited, 'a/new.bin'), 'x'.repeat(12));
    await waitFor(() => stats(polled).sizeBytes === 12, 'a rescan to find the new file');
    await writeFile(path.join(healthy, 'w.bin'), 'x'.repeat(3));
    await waitFor(() => stats(watched).sizeBytes === 3, 'the healthy folder to see its file');
    expect(stats(watched).watch.mode).toBe('watching');
  });

  it('switches to polling when a new folder cannot be watched later (fault-injecting backend port)', async () => {
    const failing = createFsWatchBackend({ settleMs: 60, watchDir: watchDirFailingFrom(2, 'EMFILE') });
    const folder = await start({ backend: failing, pollIntervalMs: 150 });
    expect(stats(folder).watch.mode).toBe('watching');
    await mkdir(path.join(root, 'fresh'));
    await writeFile(path.join(root, 'fresh/f.bin'), 'x'.repeat(9));
    await waitFor(() => stats(folder).watch.mode === 'polling', 'the fallback');
    expect(stats(folder).watch.reason).toMatch(/too many open files \(EMFILE\)/);
    await waitFor(() => stats(folder).sizeBytes === 9, 'the file, found by a rescan');
  });

  it('polls a folder on a filesystem that cannot be watched (fault-injecting filesystem port)', async () => {
    const folder = await start({
      filesystemReason: async () =>
        'the folder is on a NFS filesystem, where changes made elsewhere are not reported',
      pollIntervalMs: 150,
    });
    expect(stats(folder).watch).toEqual({
      mode: 'polling',
      reason: expect.stringMatching(/^the folder is on a NFS filesystem.*rescans this folder/),
    });
  });

  it('rescan() replaces a drifted index, returns the drift and logs it as a warning, folder named once (deaf backend port)', async () => {
    await writeFile(path.join(root, 'old.bin'), 'x'.repeat(100));
    const leveled: string[] = [];
    const folder = await start({ backend: deafBackend(), log: (m, level) => leveled.push(`${level}: ${m}`) });
    await writeFile(path.join(root, 'unseen1.bin'), 'x'.repeat(10));
    await writeFile(path.join(root, 'unseen2.bin'), 'x'.repeat(20));
    expect(stats(folder).fileCount).toBe(1);
    expect(await folder.rescan()).toEqual({ files: 2, bytes: 30 });
    expect(stats(folder)).toMatchObject({ fileCount: 3, sizeBytes: 130 });
    expect(leveled).toEqual([
      'warning: outputs: a rescan found the index off by 2 files (30 B), missed by the watcher; corrected',
    ]);
    expect(await folder.rescan()).toEqual({ files: 0, bytes: 0 });
  });

  it('forgets the files a cleanup removed, so the rescan after it finds no drift (deaf backend port)', async () => {
    for (const name of ['a.bin', 'b.bin', 'c.bin']) await writeFile(path.join(root, name), 'x'.repeat(10));
    const backend = deafBackend();
    const folder = await start({ backend });
    // What a run does: a.bin and b.bin go (the watcher says nothing yet); a tool writes b.bin anew, and
    // the watcher reports that write before the run's removals reach the index.
    await rm(path.join(root, 'a.bin'));
    await rm(path.join(root, 'b.bin'));
    await writeFile(path.join(root, 'b.bin'), 'x'.repeat(25));
    const { mtimeMs } = await stat(path.join(root, 'b.bin'));
    backend.sink()?.onChanges([{ kind: 'upsert', path: 'b.bin', sizeBytes: 25, mtimeMs }]);
    folder.forgetRemoved([
      { path: 'a.bin', sizeBytes: 10 },
      { path: 'b.bin', sizeBytes: 10 },
    ]);
    expect(stats(folder)).toMatchObject({ fileCount: 2, sizeBytes: 35 });
    expect(await folder.rescan()).toEqual({ files: 0, bytes: 0 });
  });

  it('rescans after a recoverable watcher error and keeps watching (deaf backend port)', async () => {
    const backend = deafBackend();
    const folder = await start({ backend });
    await writeFile(path.join(root, 'missed.bin'), 'x'.repeat(8));
    backend.sink()?.onError({
      code: 'ENOFILENAME',
      path: '',
      message: 'a change came without a file name',
      recoverable: true,
    });
    await waitFor(() => stats(folder).sizeBytes === 8, 'the reconciling rescan');
    expect(stats(folder).watch.mode).toBe('watching');
  });

  it('reconciles a large burst with a rescan once quiet, in case events were lost (lossy backend port)', async () => {
    const backend = lossyBackend(createFsWatchBackend({ settleMs: 60 }), 10);
    const folder = await start({ backend, burstRescanChanges: 200 });
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => writeFile(path.join(root, `b${i}`), 'x'.repeat(2))),
    );
    await waitFor(() => stats(folder).fileCount === 300, 'the rescan to recover the dropped files', 10_000);
    expect(stats(folder).sizeBytes).toBe(600);
    expect(logs.some((l) => /rescan found the index off by \d+ files/.test(l))).toBe(true);
  });

  it('leaves no handle behind: a child process that starts and disposes a live folder exits by itself', async () => {
    await mkdir(path.join(root, 'a/b'), { recursive: true });
    const script = fileURLToPath(new URL('./live-folder-dispose-child.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exitCode = await new Promise<number | null>((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('exit', (code) => {
        clearTimeout(killer);
        resolve(code);
      });
    });
    expect(output).toContain('watching 3 folders; disposed; inotify watches left: 0');
    expect(exitCode).toBe(0);
  });
});
