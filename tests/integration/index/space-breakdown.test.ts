/**
 * What takes space (issue 15 item 3), aggregated from a real index of a real temp tree: the largest direct
 * subfolders, file types by size, the biggest and the oldest files; and from the live engine's own index,
 * so the dashboard's panel needs no second scan.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { scanFolderIndex } from '../../../electron/engine/index/scan-folder-index.js';
import { spaceBreakdown } from '../../../electron/engine/index/space-breakdown.js';
import { BridgeError } from '../../../shared/bridge.js';
import type { SpaceBreakdown } from '../../../shared/usage-history.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';

const NOW = Date.now();
const TREE = [
  { path: 'renders/a.png', sizeBytes: 4000, ageMs: 1 * DAY_MS },
  { path: 'renders/deep/b.png', sizeBytes: 6000, ageMs: 2 * DAY_MS },
  { path: 'renders/deep/c.PNG', sizeBytes: 500, ageMs: 3 * DAY_MS },
  { path: 'voices/take.wav', sizeBytes: 9000, ageMs: 9 * DAY_MS },
  { path: 'voices/notes', sizeBytes: 10, ageMs: 30 * DAY_MS },
  { path: 'top.wav', sizeBytes: 700, ageMs: 5 * DAY_MS },
  { path: '.hidden.tar.gz', sizeBytes: 300, ageMs: 40 * DAY_MS },
];

let cleanup: (() => Promise<void>) | null = null;
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
  await cleanup?.();
  cleanup = null;
});

async function tree(): Promise<string> {
  const temp = await makeTempDir('headroom-space-');
  cleanup = temp.cleanup;
  await writeFiles(join(temp.dir, 'outputs'), TREE, NOW);
  return temp.dir;
}

describe('what takes space, from a real index of a temp tree', () => {
  it('adds up subfolders, types, the biggest and the oldest files', async () => {
    const root = join(await tree(), 'outputs');
    const { index } = await scanFolderIndex(root);
    const space = spaceBreakdown(index, 'outputs', 3);
    expect(space).toMatchObject({ folder: 'outputs', sizeBytes: 20_510, fileCount: 7 });
    expect(space.subfolders).toEqual([
      { label: 'renders', sizeBytes: 10_500, fileCount: 3 },
      { label: 'voices', sizeBytes: 9010, fileCount: 2 },
      { label: '', sizeBytes: 1000, fileCount: 2 },
    ]);
    // Extensions fold case; a file without one, and a dot-file's last extension, are types too.
    expect(space.types).toEqual([
      { label: '.png', sizeBytes: 10_500, fileCount: 3 },
      { label: '.wav', sizeBytes: 9700, fileCount: 2 },
      { label: '.gz', sizeBytes: 300, fileCount: 1 },
    ]);
    expect(space.biggest.map((f) => [f.label, f.sizeBytes])).toEqual([
      ['voices/take.wav', 9000],
      ['renders/deep/b.png', 6000],
      ['renders/a.png', 4000],
    ]);
    expect(space.oldest.map((f) => f.label)).toEqual(['.hidden.tar.gz', 'voices/notes', 'voices/take.wav']);
    expect(space.oldest[0]!.mtimeMs).toBeLessThan(NOW - 39 * DAY_MS);
    const all = spaceBreakdown(index, 'outputs', 100);
    expect(all.types.find((t) => t.label === 'no extension')).toEqual({
      label: 'no extension',
      sizeBytes: 10,
      fileCount: 1,
    });
  });

  it('an empty folder has empty lists', async () => {
    const temp = await makeTempDir('headroom-space-empty-');
    cleanup = temp.cleanup;
    const { index } = await scanFolderIndex(temp.dir);
    expect(spaceBreakdown(index, 'empty', 10)).toEqual({
      folder: 'empty',
      sizeBytes: 0,
      fileCount: 0,
      subfolders: [],
      types: [],
      biggest: [],
      oldest: [],
    });
  });

  it('the live engine answers from its own index, and refuses an unknown folder in a sentence', async () => {
    const dir = await tree();
    const configFile = join(dir, 'config.yaml');
    await writeFile(
      configFile,
      'cleanup_on_startup: false\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 100\n' +
        '    exclude: ["voices/**"]\n',
    );
    engine = await createEngine({ dataDir: join(dir, 'data'), configFile, live: true, log: () => {} });
    // While the first scan runs the engine says so ('starting'); the client asks again.
    const space = await (async (): Promise<SpaceBreakdown> => {
      for (let i = 0; i < 600; i++) {
        const answer = await engine!
          .getSpaceBreakdown({ folder: 'outputs' })
          .catch((e: unknown) => e as BridgeError);
        if (!(answer instanceof BridgeError)) return answer;
        expect([answer.code, answer.message]).toEqual([
          'starting',
          'outputs is still being scanned; ask again in a moment.',
        ]);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the first scan never finished');
    })();
    expect(space).toMatchObject({ sizeBytes: 11_500, fileCount: 5 });
    expect(space.subfolders.map((s) => s.label)).toEqual(['renders', '']);
    const refused = await engine.getSpaceBreakdown({ folder: 'nope' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BridgeError);
    expect((refused as BridgeError).code).toBe('unknown-folder');
    expect((refused as BridgeError).message).toMatch(/no folder named "nope"/);
  });
});
