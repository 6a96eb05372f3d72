/**
 * What the watch backends' tests share: a fresh temp root for each test, the changes and failures the
 * backend reports into `sink`, and, after the test, its handle closed and the root removed.
 */
import { appendFile, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type {
  RawChange,
  WatchFailure,
  WatchHandle,
  WatchSink,
} from '../../../electron/engine/live/watch-backend.js';
import { tempRoot, waitFor } from './wait-for.js';

export interface WatchBench {
  /** This test's root folder. */
  root: string;
  changes: RawChange[];
  failures: WatchFailure[];
  /** Where the backend under test reports. */
  sink: WatchSink;
  /** The handle the test started; closed after it. */
  handle: WatchHandle | null;
  /** The last change reported for `relPath`. */
  last(relPath: string): RawChange | undefined;
}

/** A bench renewed before each test of the calling `describe` (it registers the hooks there). */
export function useWatchBench(prefix?: string): WatchBench {
  const bench: WatchBench = {
    root: '',
    changes: [],
    failures: [],
    sink: {
      onChanges: (c) => bench.changes.push(...c),
      onError: (f) => bench.failures.push(f),
    },
    handle: null,
    last: (relPath) => bench.changes.filter((c) => c.path === relPath).at(-1),
  };
  let cleanup = async () => {};
  beforeEach(async () => {
    ({ dir: bench.root, cleanup } = await tempRoot(prefix));
    bench.changes = [];
    bench.failures = [];
    bench.handle = null;
  });
  afterEach(async () => {
    await bench.handle?.close();
    await cleanup();
  });
  return bench;
}

/** Writes, grows, renames and removes a file in the watched root; each step must be reported, with sizes. */
export async function expectFileLifecycle(bench: WatchBench): Promise<void> {
  const { root, last } = bench;
  await writeFile(path.join(root, 'a.wav'), 'x'.repeat(10));
  await waitFor(() => last('a.wav')?.kind === 'upsert', 'the new file');
  await appendFile(path.join(root, 'a.wav'), 'y'.repeat(5));
  await waitFor(() => (last('a.wav') as { sizeBytes?: number }).sizeBytes === 15, 'the grown size');
  await rename(path.join(root, 'a.wav'), path.join(root, 'b.wav'));
  await waitFor(() => last('a.wav')?.kind === 'remove' && last('b.wav')?.kind === 'upsert', 'the rename');
  await rm(path.join(root, 'b.wav'));
  await waitFor(() => last('b.wav')?.kind === 'remove', 'the removal');
  expect(bench.failures).toEqual([]);
}

/**
 * A watched folder moved out of the root is reported removed and no longer followed; one moved in is
 * reported with its files. `start` starts the backend on the root with the folders the scan found.
 */
export async function expectFoldersMovedOutAndIn(
  bench: WatchBench,
  start: (dirs: string[]) => void,
): Promise<void> {
  const { root, last } = bench;
  const outside = `${root}-outside`;
  await mkdir(path.join(root, 'keep/sub'), { recursive: true });
  await mkdir(path.join(outside, 'incoming/inner'), { recursive: true });
  await writeFile(path.join(outside, 'incoming/inner/f.bin'), 'abc');
  start(['keep', 'keep/sub']);
  try {
    await rename(path.join(root, 'keep'), path.join(outside, 'keep'));
    await waitFor(() => last('keep')?.kind === 'dir-removed', 'the moved-out folder');
    expect(bench.handle?.watchedDirCount()).toBe(1);
    await writeFile(path.join(outside, 'keep/sub/after.txt'), 'no');
    await rename(path.join(outside, 'incoming'), path.join(root, 'incoming'));
    await waitFor(() => last('incoming/inner/f.bin')?.kind === 'upsert', 'a file of the moved-in folder');
    expect(bench.changes.some((c) => c.path.includes('after.txt'))).toBe(false);
  } finally {
    await rm(outside, { recursive: true, force: true });
  }
}

/** Links to a file and to a folder are reported as not files (removed), and the folder is not followed. */
export async function expectSymlinksNotFollowed(
  bench: WatchBench,
  start: (dirs: string[]) => void,
): Promise<void> {
  const { root, last } = bench;
  await mkdir(path.join(root, 'real'));
  start(['real']);
  await writeFile(path.join(root, 'target.txt'), 'target');
  await symlink(path.join(root, 'target.txt'), path.join(root, 'link.txt'));
  await symlink(path.join(root, 'real'), path.join(root, 'linkdir'));
  await waitFor(() => last('link.txt') !== undefined && last('linkdir') !== undefined, 'the link events');
  expect(last('link.txt')?.kind).toBe('remove');
  expect(last('linkdir')?.kind).toBe('remove');
  expect(bench.handle?.watchedDirCount()).toBe(2);
}
