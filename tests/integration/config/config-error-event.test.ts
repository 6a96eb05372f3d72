import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { ConfigErrorInfo } from '../../../shared/types.js';
import { makeTempDir } from '../../support/make-tree.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-config-error-event-')));
afterEach(() => cleanup());

describe('a live engine and its config file (real folder, real watcher)', () => {
  it('sends configError once the file on disk breaks, and keeps the last good configuration', async () => {
    await mkdir(join(dir, 'outputs'));
    const configFile = join(dir, 'config.yaml');
    const good =
      'cleanup_on_startup: false\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 2\n';
    await writeFile(configFile, good);
    const heard: ConfigErrorInfo[] = [];
    const engine = await createEngine({
      dataDir: join(dir, 'data'),
      configFile,
      live: true,
      log: () => {},
      subscribe: (on) => on('configError', (error) => void heard.push(error)),
    });
    try {
      await writeFile(configFile, `${good}  - name: [unclosed\n`);
      await expect.poll(() => heard.length, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(heard[0]?.usingLastGood).toBe(true);
      expect(heard[0]?.issues.length).toBeGreaterThan(0);
      const snapshot = await engine.getSnapshot();
      expect(snapshot.folders.map((f) => f.name)).toEqual(['outputs']);
      expect(snapshot.configError?.usingLastGood).toBe(true);
    } finally {
      await engine.dispose();
    }
  });
});
