/**
 * The fs.watch backend with names that are not valid UTF-8 (issue 10, finding 5): changes are reported
 * under the same escaped names a scan gives (each stray byte as U+DC80+byte), with their real sizes, so the
 * live index follows such files instead of losing them as "gone".
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsWatchBackend } from '../../../electron/engine/live/fs-watch-backend.js';
import type { RawChange, WatchFailure, WatchHandle } from '../../../electron/engine/live/watch-backend.js';
import { tempRoot, waitFor } from './wait-for.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('fsWatchBackend with names that are not UTF-8', () => {
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
  const at = (rel: Buffer) => Buffer.concat([Buffer.from(root), Buffer.from('/'), rel]);

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

  it('reports files and folders under their escaped names, with lstat sizes', async () => {
    fs.mkdirSync(at(bytes('d', [0xfe])));
    handle = createFsWatchBackend({ settleMs: 60 }).watch(root, ['d\udcfe'], sink);
    expect(handle.watchedDirCount()).toBe(2);

    fs.writeFileSync(at(bytes('f', [0xff], '.wav')), 'x'.repeat(7));
    await waitFor(() => last('f\udcff.wav')?.kind === 'upsert', 'the new file in the root');
    expect(last('f\udcff.wav')).toMatchObject({ sizeBytes: 7 });

    fs.writeFileSync(at(bytes('d', [0xfe], '/g', [0xc3], '.wav')), 'x'.repeat(3));
    await waitFor(() => last('d\udcfe/g\udcc3.wav')?.kind === 'upsert', 'the file in the escaped folder');

    fs.mkdirSync(at(bytes('n', [0xfd])));
    fs.writeFileSync(at(bytes('n', [0xfd], '/h.wav')), 'x');
    await waitFor(() => last('n\udcfd/h.wav')?.kind === 'upsert', 'the file in a new escaped folder');
    expect(last('n\udcfd')).toEqual({ kind: 'dir-added', path: 'n\udcfd' });

    fs.unlinkSync(at(bytes('f', [0xff], '.wav')));
    await waitFor(() => last('f\udcff.wav')?.kind === 'remove', 'the removal');
    expect(changes.some((c) => c.path.includes('\ufffd'))).toBe(false);
    expect(failures).toEqual([]);
  });
});
