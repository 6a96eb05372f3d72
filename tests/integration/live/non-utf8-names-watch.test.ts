/**
 * The fs.watch backend with names that are not valid UTF-8 (issue 10, finding 5): changes are reported
 * under the same escaped names a scan gives (each stray byte as U+DC80+byte), with their real sizes, so the
 * live index follows such files instead of losing them as "gone".
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFsWatchBackend } from '../../../electron/engine/live/fs-watch-backend.js';
import { waitFor } from './wait-for.js';
import { useWatchBench } from './watch-bench.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('fsWatchBackend with names that are not UTF-8', () => {
  const bench = useWatchBench();
  const { last, sink } = bench;
  const at = (rel: Buffer) => Buffer.concat([Buffer.from(bench.root), Buffer.from('/'), rel]);

  it('reports files and folders under their escaped names, with lstat sizes', async () => {
    fs.mkdirSync(at(bytes('d', [0xfe])));
    bench.handle = createFsWatchBackend({ settleMs: 60 }).watch(bench.root, ['d\udcfe'], sink);
    expect(bench.handle.watchedDirCount()).toBe(2);

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
    expect(bench.changes.some((c) => c.path.includes('\ufffd'))).toBe(false);
    expect(bench.failures).toEqual([]);
  });
});
