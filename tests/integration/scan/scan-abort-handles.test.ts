/**
 * A scan aborted while its workers walk must not leave folder handles open: the workers hold the root's
 * descriptor for the length of a batch, and a worker terminated in the middle of one never closes it. A
 * tray app whose config changes during scans would leak one descriptor per abort until it hits EMFILE.
 * Counts this process's open descriptors (/proc/self/fd, Linux) after repeated aborts.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFolder } from '../../../electron/engine/scan/scan-folder.js';

const ABORTS = 12;
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'headroom-scan-abort-'));
  for (let d = 0; d < 40; d++) {
    const dir = join(tmp, `batch-${d}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 500; f++) writeFileSync(join(dir, `take-${f}.wav`), '');
  }
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

const openDescriptors = () => readdirSync('/proc/self/fd').length;

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe.skipIf(process.platform !== 'linux')('an aborted scan', () => {
  it('leaves no folder handle open, however far its workers were', async () => {
    await scanFolder(tmp, { chunkEntries: 100_000 }); // workers and addon loaded once, their handles counted
    await until(() => false, 500);
    const before = openDescriptors();
    for (let i = 0; i < ABORTS; i++) {
      const controller = new AbortController();
      // One batch is the whole tree, so a worker holds the root's handle from its start to its end; the
      // aborts land at spread times, before, during and after the workers start walking.
      const scan = scanFolder(tmp, { signal: controller.signal, chunkEntries: 100_000 });
      setTimeout(() => controller.abort(), 20 + i * 25);
      await scan.catch(() => undefined);
    }
    const settled = await until(() => openDescriptors() <= before, 30_000);
    expect(settled, `open descriptors: ${before} before, ${openDescriptors()} after ${ABORTS} aborts`).toBe(
      true,
    );
  });
});
