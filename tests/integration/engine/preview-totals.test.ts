/**
 * The preview a person can read (issue 15 item 4) needs from the engine, per folder: each file's date, the
 * exact number of files planned, and the folder's totals before and after the plan with its usage of the
 * limits ("130% → 72%"). Over the bridge the list of files is bounded; the totals stay exact and the
 * preview says how many files it left out. The CLI's `preview --json` still lists every file.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { PREVIEW_LISTED_FILES } from '../../../shared/types.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';

let engine: Engine | null = null;
let cleanupDir: (() => Promise<void>) | null = null;
afterEach(async () => {
  await engine?.dispose();
  await cleanupDir?.();
  engine = null;
});

async function engineOver(folderYaml: string, fill: (dir: string) => Promise<void>): Promise<Engine> {
  const temp = await makeTempDir('headroom-preview-');
  cleanupDir = temp.cleanup;
  await fill(join(temp.dir, 'outputs'));
  const configFile = join(temp.dir, 'config.yaml');
  await writeFile(configFile, `folders:\n  - name: outputs\n    path: ./outputs\n${folderYaml}`);
  engine = await createEngine({ dataDir: join(temp.dir, 'data'), configFile, log: () => {} });
  return engine;
}

describe('previewCleanup: totals before and after (real temp folders)', () => {
  it('gives the files, bytes and usage before and after the plan, and each file its mtime', async () => {
    const now = Date.now();
    // 10 files of 1000 bytes under a 7000-byte limit (143%), target 80%: the 5 oldest go (5000 B, 71%).
    const files = Array.from({ length: 10 }, (_, i) => ({
      path: `${i < 5 ? 'old' : 'new'}/f${i}.wav`,
      sizeBytes: 1000,
      ageMs: (20 - i) * DAY_MS,
    }));
    const gb = 7000 / 1024 ** 3;
    const e = await engineOver(`    max_size_gb: ${gb}\n    min_age_minutes: 0\n`, (dir) =>
      writeFiles(dir, files, now),
    );
    const [folder] = (await e.previewCleanup({ folders: ['outputs'] })).folders;
    expect(folder!.files).toBe(5);
    expect(folder!.filesOmitted).toBe(0);
    expect(folder!.totals!.before).toEqual({
      files: 10,
      sizeBytes: 10_000,
      usagePercent: expect.closeTo(142.857, 2),
    });
    expect(folder!.totals!.after).toEqual({
      files: 5,
      sizeBytes: 5000,
      usagePercent: expect.closeTo(71.428, 2),
    });
    expect(folder!.remove.map((f) => f.path)).toEqual([
      'old/f0.wav',
      'old/f1.wav',
      'old/f2.wav',
      'old/f3.wav',
      'old/f4.wav',
    ]);
    expect(Math.abs(folder!.remove[0]!.mtimeMs - (now - 20 * DAY_MS))).toBeLessThan(2000);
  });

  it(`lists at most ${PREVIEW_LISTED_FILES} files a folder over the bridge, says how many it left out, and keeps the totals exact`, async () => {
    const count = PREVIEW_LISTED_FILES + 3;
    const e = await engineOver('    max_files: 1\n    min_age_minutes: 0\n', async (dir) => {
      await mkdir(dir, { recursive: true });
      for (let i = 0; i < count; i++) writeFileSync(join(dir, `f${i}.tmp`), 'x');
    });
    const [folder] = (await e.previewCleanup({ folders: ['outputs'] })).folders;
    expect(folder!.files).toBe(count - 1);
    expect(folder!.remove).toHaveLength(PREVIEW_LISTED_FILES);
    expect(folder!.filesOmitted).toBe(count - 1 - PREVIEW_LISTED_FILES);
    expect(folder!.bytesToFree).toBe(count - 1);
    expect(folder!.totals!.after).toMatchObject({ files: 1, sizeBytes: 1 });
    // The CLI's --json is no bridge: it lists every file.
    const [all] = (await e.fullPreview({ folders: ['outputs'] })).folders;
    expect(all!.remove).toHaveLength(count - 1);
    expect(all!.filesOmitted).toBe(0);
  }, 120_000);
});
