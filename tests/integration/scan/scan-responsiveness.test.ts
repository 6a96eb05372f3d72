import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFolder } from '../../../electron/engine/scan/scan-folder.js';
import { lagAgainstIdleControl } from '../../support/timer-lag.js';

const FILES = 50_000;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'headroom-scan-50k-'));
  for (let d = 0; d < 50; d++) {
    const dir = join(tmp, `batch-${d}`, 'takes');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < FILES / 50; f++) writeFileSync(join(dir, `take-${f}.wav`), '');
  }
}, 120_000);

// Removing 50,000 files takes as long on a busy machine as making them.
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
}, 120_000);

describe('scanFolder on 50,000 files', () => {
  it('keeps the event loop responsive while it scans (worst timer lag against an idle control of the same length)', async () => {
    const { result, lagMs, allowedMs } = await lagAgainstIdleControl(() => scanFolder(tmp));
    expect(result.files.count).toBe(FILES);
    expect(result.dirs).toHaveLength(1 + 50 * 2);
    expect(lagMs).toBeLessThan(allowedMs);
  });

  it('stops when its signal aborts, with the signal reason', async () => {
    const controller = new AbortController();
    const scan = scanFolder(tmp, { signal: controller.signal, chunkEntries: 500 });
    setTimeout(() => controller.abort(), 20);
    await expect(scan).rejects.toMatchObject({ name: 'AbortError' });
    await expect(scanFolder(tmp, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const again = await scanFolder(tmp);
    expect(again.files.count).toBe(FILES);
  });
});
