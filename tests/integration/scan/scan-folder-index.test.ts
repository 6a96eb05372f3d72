import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderIndex } from '../../../electron/engine/index/folder-index.js';
import { scanFolderIndex } from '../../../electron/engine/index/scan-folder-index.js';
import { scanFolder } from '../../../electron/engine/scan/scan-folder.js';
import { lagAgainstIdleControl } from '../../support/timer-lag.js';
import { indexFromScan } from '../../../bench/lib/index-from-scan.js';

const FILES = 30_000;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'headroom-scan-index-'));
  for (let d = 0; d < 30; d++) {
    const dir = join(tmp, `batch-${d}`, d % 3 === 0 ? 'cache' : 'takes');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < FILES / 30; f++) writeFileSync(join(dir, `take-${f}.wav`), 'x'.repeat(f % 7));
  }
  symlinkSync(join(tmp, 'batch-1'), join(tmp, 'link'));
}, 120_000);

// Removing 30,000 files takes long on a busy machine: as long as making them may.
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

function contents(index: FolderIndex): Map<string, string> {
  const out = new Map<string, string>();
  index.forEach((path, sizeBytes, mtimeMs) => out.set(path, `${sizeBytes}@${mtimeMs}`));
  return out;
}

describe('scanFolderIndex', () => {
  it('indexes exactly what indexFromScan of a full scan indexes, batch by batch, without holding the files', async () => {
    const isExcluded = (p: string) => p.includes('/cache/');
    const { scan, index } = await scanFolderIndex(tmp, { isExcluded, chunkEntries: 700 });
    const whole = indexFromScan(await scanFolder(tmp), isExcluded);
    expect(scan.files.count).toBe(0);
    expect(scan.dirs.length).toBe(61);
    expect(index.totals().fileCount).toBe(20_000);
    expect(contents(index)).toEqual(contents(whole));
    expect(index.totals()).toEqual(whole.totals());
    expect(index.upsert('batch-0/cache/late.wav', 1, 1)).toBe(false);
  });

  it('keeps the host responsive while it scans and indexes (worst timer lag against an idle control)', async () => {
    const { result, lagMs, allowedMs } = await lagAgainstIdleControl(() => scanFolderIndex(tmp));
    expect(result.index.totals().fileCount).toBe(FILES);
    expect(lagMs).toBeLessThan(allowedMs);
  });

  // Counted from the index's own arrays, not RSS. Paths here are like `batch-12/takes/take-999.wav` (27 B)
  // with names like `take-999.wav` (12 B): a folder's path is held once, not once per file, and a size in
  // 4 bytes. 59.7 B/file when each file held its whole path and a Float64 size.
  it('holds a scanned folder in at most 42 B per file', async () => {
    const { index } = await scanFolderIndex(tmp);
    let pathBytes = 0;
    index.forEachName((name) => (pathBytes += name.length));
    expect(index.fileCount).toBe(FILES);
    expect(pathBytes / FILES).toBeGreaterThan(26);
    expect(index.byteLength() / FILES).toBeLessThanOrEqual(42);
  });

  it('gives an empty index for a missing root, and rejects when aborted', async () => {
    const missing = await scanFolderIndex(join(tmp, 'not-there'));
    expect(missing.scan.exists).toBe(false);
    expect(missing.index.totals()).toEqual({ sizeBytes: 0, fileCount: 0, oldestMtimeMs: null });
    const reason = new Error('stop');
    await expect(scanFolderIndex(tmp, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });
});
