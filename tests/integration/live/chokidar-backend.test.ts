import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChokidarBackend } from '../../../bench/lib/chokidar-backend.js';
import type { RawChange, WatchHandle } from '../../../electron/engine/live/watch-backend.js';
import { tempRoot, waitFor } from './wait-for.js';

describe('chokidarBackend (real folders, the benchmark comparison)', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let handle: WatchHandle | null = null;

  beforeEach(async () => ({ dir: root, cleanup } = await tempRoot('headroom-chokidar-')));
  afterEach(async () => {
    await handle?.close();
    await cleanup();
  });

  it('reports the same settled changes as the fs.watch backend', async () => {
    const changes: RawChange[] = [];
    let ready = false;
    const backend = createChokidarBackend({ settleMs: 60, onReady: () => (ready = true) });
    handle = backend.watch(root, [], { onChanges: (c) => changes.push(...c), onError: () => undefined });
    await waitFor(() => ready, 'chokidar to be ready');
    await mkdir(path.join(root, 'sub'));
    await writeFile(path.join(root, 'sub/a.bin'), 'x'.repeat(12));
    await waitFor(() => changes.some((c) => c.kind === 'upsert' && c.path === 'sub/a.bin'), 'the new file');
    expect(changes).toContainEqual({ kind: 'dir-added', path: 'sub' });
    expect(changes).toContainEqual({
      kind: 'upsert',
      path: 'sub/a.bin',
      sizeBytes: 12,
      mtimeMs: expect.any(Number),
    });
    await rm(path.join(root, 'sub/a.bin'));
    await waitFor(() => changes.some((c) => c.kind === 'remove' && c.path === 'sub/a.bin'), 'the removal');
  });
});
