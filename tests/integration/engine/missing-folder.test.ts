/**
 * A folder whose path does not exist is a warning the user can act on (issue 12 item 5): it is amber in
 * the snapshot and the health view, the config view lists it as missing, and the engine creates it, by
 * folder name, when asked.
 */
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../shared/bridge.js';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { renderStatus } from '../../../electron/headless/commands/status-command.js';
import { healthView } from '../../../electron/headless/serve/v1-views.js';
import { makeTempDir, writeFiles } from '../../support/make-tree.js';

let engine: Engine | null = null;
let cleanupDir: (() => Promise<void>) | null = null;
afterEach(async () => {
  await engine?.dispose();
  await cleanupDir?.();
  engine = null;
});

async function engineWithMissingTemp(): Promise<{ dir: string; engine: Engine }> {
  const temp = await makeTempDir('headroom-missing-');
  cleanupDir = temp.cleanup;
  await writeFiles(join(temp.dir, 'outputs'), [{ path: 'a.wav', sizeBytes: 10, ageMs: 0 }]);
  const configFile = join(temp.dir, 'config.yaml');
  await writeFile(
    configFile,
    'folders:\n' +
      '  - name: outputs\n    path: ./outputs\n    max_files: 100\n' +
      '  - name: temp\n    path: ./tmp-typo/temp\n    max_files: 100\n',
  );
  engine = await createEngine({ dataDir: join(temp.dir, 'data'), configFile, log: () => {} });
  return { dir: temp.dir, engine };
}

describe('a missing folder (real temp folders)', () => {
  it('is a warning in the snapshot and in /api/v1/health, with what to do', async () => {
    const { engine } = await engineWithMissingTemp();
    const snapshot = await engine.getSnapshot();
    const temp = snapshot.folders.find((f) => f.name === 'temp')!;
    expect(temp).toMatchObject({ exists: false, level: 'warning' });
    expect(snapshot.level).toBe('warning');
    const health = healthView(snapshot, 'test', 0);
    expect(health.status).toBe('warning');
    expect(health.warnings).toEqual([expect.stringMatching(/^temp: folder not found at .*create it/)]);
    expect(renderStatus(snapshot)).toMatch(/^warning: temp: folder not found at .*tmp-typo/m);
  });

  it('is listed by the config view, and created by name on request', async () => {
    const { dir, engine } = await engineWithMissingTemp();
    expect((await engine.getConfig()).missingFolders).toEqual(['temp']);
    const view = await engine.createFolder({ name: 'temp' });
    expect((await stat(join(dir, 'tmp-typo', 'temp'))).isDirectory()).toBe(true);
    expect(view.missingFolders).toEqual([]);
    const snapshot = await engine.getSnapshot();
    expect(snapshot.folders.find((f) => f.name === 'temp')).toMatchObject({ exists: true, level: 'ok' });
  });

  it('creates only a configured folder: an unknown name or a path is refused', async () => {
    const { engine } = await engineWithMissingTemp();
    await expect(engine.createFolder({ name: 'elsewhere' })).rejects.toMatchObject({
      code: 'unknown-folder',
    });
    await expect(
      engine.createFolder({ name: 'temp', path: '/tmp/x' } as unknown as { name: string }),
    ).rejects.toBeInstanceOf(BridgeError);
  });
});
