/**
 * Issue 7 item 4 with real errors from the kernel: a file that is a mount point (EBUSY) is retried once
 * after the executor's 2 s delay and then left for the next run as `retry-later`; a read-only mount (EROFS)
 * and a read-only parent folder (EACCES, as the unprivileged user `nobody` through setpriv, since root is
 * never denied) are recorded at once and not retried. The mounts live in a private mount namespace
 * (`unshare --mount`), so nothing outlives the child process. EAGAIN cannot be made on demand for unlink:
 * its case throws it from the fs port, and says so.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { FolderRunResult } from '../../shared/types.js';
import { DAY_MS, makeTempDir, writeFiles } from '../support/make-tree.js';

const CHILD = fileURLToPath(new URL('./transient-child.ts', import.meta.url));
const NOBODY = '65534';
const RETRY_DELAY_MS = 2000;

interface ChildOutput {
  result: FolderRunResult;
  unlinkCalls: string[];
  elapsedMs: number;
}

interface ChildRun {
  root: string;
  files: string[];
  /** Shell commands run as root inside the private mount namespace before the executor starts. */
  mounts?: string[];
  asNobody?: boolean;
  fakeUnlinkError?: { path: string; code: string };
  /** The executor's retry delay; the executor's own default (2 s) when absent. */
  retryDelayMs?: number;
}

/**
 * A retry delay no run may wait out: a run given it finishes only if it never retries. The child is killed
 * after 60 s and the test fails, which bounds the work instead of timing it on a busy machine.
 */
const NEVER_RETRY_MS = 10 * 60_000;

function runChild(run: ChildRun): ChildOutput {
  const node = [process.execPath, '--import', 'tsx', CHILD];
  const user = run.asNobody ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] : [];
  const setup = [...(run.mounts ?? []), 'exec "$@"'].join(' && ');
  const child = spawnSync(
    'unshare',
    ['--mount', '--propagation', 'private', 'sh', '-c', setup, 'sh', ...user, ...node],
    { input: JSON.stringify(run), encoding: 'utf8', timeout: 60_000 },
  );
  if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildOutput;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A root with old files `names` (30 days), traversable by `nobody`. */
async function rootWith(names: string[]): Promise<string> {
  const { dir, cleanup } = await makeTempDir('headroom-transient-');
  cleanups.push(cleanup);
  await fs.chmod(dir, 0o755);
  const root = path.join(dir, 'outputs');
  await writeFiles(
    root,
    names.map((name) => ({ path: name, sizeBytes: 4, ageMs: 30 * DAY_MS })),
  );
  return root;
}

const q = JSON.stringify;

describe('transient and permanent removal errors, from the kernel', () => {
  it('EBUSY (the file is a mount point) is retried once after 2 s, then left as retry-later', async () => {
    const root = await rootWith(['busy.wav', 'source.wav', 'ok-1.wav', 'ok-2.wav']);
    const busy = path.join(root, 'busy.wav');
    const out = runChild({
      root,
      files: ['ok-1.wav', 'busy.wav', 'ok-2.wav'],
      mounts: [`mount --bind ${q(path.join(root, 'source.wav'))} ${q(busy)}`],
    });
    expect(out.result.removed.map((r) => r.path)).toEqual(['ok-1.wav', 'ok-2.wav']);
    expect(out.result.errors).toEqual([]);
    expect(out.result.skipped).toEqual([
      { path: 'busy.wav', why: 'retry-later', detail: expect.stringMatching(/^EBUSY twice .*next run$/) },
    ]);
    expect(out.unlinkCalls.filter((p) => p === 'busy.wav')).toHaveLength(2);
    expect(out.elapsedMs).toBeGreaterThanOrEqual(RETRY_DELAY_MS - 50);
    expect(await fs.readdir(root)).toEqual(expect.arrayContaining(['busy.wav', 'source.wav']));
  });

  it('EROFS (a read-only mount) is recorded at once and not retried; the run goes on', async () => {
    const root = await rootWith(['a.wav', 'b.wav']);
    const out = runChild({
      root,
      files: ['a.wav', 'b.wav'],
      mounts: [`mount --bind ${q(root)} ${q(root)}`, `mount -o remount,bind,ro ${q(root)}`],
      retryDelayMs: NEVER_RETRY_MS,
    });
    expect(out.result.errors.map((e) => [e.path, e.code])).toEqual([
      ['a.wav', 'EROFS'],
      ['b.wav', 'EROFS'],
    ]);
    expect(out.result.skipped).toEqual([]);
    expect(out.unlinkCalls).toEqual(['a.wav', 'b.wav']);
    expect((await fs.readdir(root)).sort()).toEqual(['a.wav', 'b.wav']);
  });

  it('EACCES (a read-only parent folder, as nobody) is recorded at once and not retried', async () => {
    const root = await rootWith(['locked/a.wav', 'open/b.wav']);
    await fs.chmod(root, 0o777);
    await fs.chmod(path.join(root, 'open'), 0o777);
    await fs.chmod(path.join(root, 'locked'), 0o555);
    const out = runChild({
      root,
      files: ['locked/a.wav', 'open/b.wav'],
      asNobody: true,
      retryDelayMs: NEVER_RETRY_MS,
    });
    expect(out.result.errors.map((e) => [e.path, e.code])).toEqual([['locked/a.wav', 'EACCES']]);
    expect(out.result.removed.map((r) => r.path)).toEqual(['open/b.wav']);
    expect(out.unlinkCalls.filter((p) => p === 'locked/a.wav')).toHaveLength(1);
    expect(await fs.readdir(path.join(root, 'locked'))).toEqual(['a.wav']);
  });

  it('EAGAIN is treated like EBUSY: one retry after 2 s, then retry-later (thrown by the fs port)', async () => {
    const root = await rootWith(['again.wav', 'ok.wav']);
    const out = runChild({
      root,
      files: ['again.wav', 'ok.wav'],
      fakeUnlinkError: { path: 'again.wav', code: 'EAGAIN' },
    });
    expect(out.result.removed.map((r) => r.path)).toEqual(['ok.wav']);
    expect(out.result.skipped.map((s) => [s.path, s.why])).toEqual([['again.wav', 'retry-later']]);
    expect(out.result.skipped[0]?.detail).toMatch(/^EAGAIN twice/);
    expect(out.unlinkCalls.filter((p) => p === 'again.wav')).toHaveLength(2);
    expect(out.elapsedMs).toBeGreaterThanOrEqual(RETRY_DELAY_MS - 50);
  });
});
