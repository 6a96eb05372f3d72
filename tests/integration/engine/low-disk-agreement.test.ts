/**
 * The volume a snapshot calls "low" and the volume the low-disk guard cleans are one decision: with a
 * `free_space_floor_gb` above what any test volume holds free (a petabyte), and the percent floor at 0,
 * both must say low, on the same real temp folder and the same config file.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../electron/engine/config/load-config.js';
import { LowDiskGuard } from '../../../electron/engine/status/low-disk-guard.js';
import { manualClock } from '../../support/manual-clock.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';
import { startEngine } from '../../support/start-engine.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-low-disk-agreement-')));
afterEach(() => cleanup());

describe('low disk, as the snapshot and the guard see it (real folder and volume)', () => {
  it.each([
    ['one-shot', false],
    ['live', true],
  ])(
    'is one answer with a free_space_floor_gb: the %s snapshot reports the volume the guard cleans',
    async (_, live) => {
      await writeFiles(join(dir, 'outputs'), [{ path: 'take.wav', sizeBytes: 10, ageMs: DAY_MS }]);
      const { engine, configFile } = await startEngine(
        dir,
        'free_space_floor_percent: 0\nfree_space_floor_gb: 1000000\n' +
          'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 100\n',
        { live },
      );
      try {
        const [folder] = (await engine.getSnapshot()).folders;
        const loaded = await loadConfigFile(configFile, { dataDir: join(dir, 'data') });
        if (!loaded.ok) throw new Error(`config did not load: ${JSON.stringify(loaded.error)}`);
        const { config } = loaded;
        const cleaned: string[][] = [];
        const guard = new LowDiskGuard({
          clock: manualClock(0),
          config: () => config,
          onLow: async (folders) => (cleaned.push(folders), 0),
        });
        await guard.check();
        expect(cleaned).toEqual([['outputs']]);
        expect(folder?.volume?.low).toBe(true);
      } finally {
        await engine.dispose();
      }
    },
  );
});
