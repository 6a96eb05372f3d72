import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarningEvent } from '../../../shared/types.js';
import { manualClock } from '../../support/manual-clock.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';
import { startEngine } from '../../support/start-engine.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-removed-folder-warnings-')));
afterEach(() => cleanup());

const OUTPUTS = '  - name: outputs\n    path: ./outputs\n    max_files: 2\n';
const OTHER = '  - name: other\n    path: ./other\n    max_files: 100\n';

describe('a folder removed from the config and added back (real folder, manual clock)', () => {
  it('warns again that it is over its limit: its old alert state left with it', async () => {
    const clock = manualClock(Date.now());
    await writeFiles(
      join(dir, 'outputs'),
      [1, 2, 3, 4].map((n) => ({ path: `take-${n}.wav`, sizeBytes: 10, ageMs: n * DAY_MS })),
    );
    await writeFiles(join(dir, 'other'), [{ path: 'a.wav', sizeBytes: 10, ageMs: DAY_MS }]);
    const heard: WarningEvent[] = [];
    const { engine, configFile } = await startEngine(dir, `folders:\n${OUTPUTS}${OTHER}`, {
      clock,
      subscribe: (on) => on('warning', (warning) => void heard.push(warning)),
    });
    try {
      // Paused: the emergency cleanup an over-limit folder starts would otherwise remove its files.
      await engine.pauseSchedule({ until: '2999-01-01T00:00:00.000Z' });
      // Each poll moves the fake clock one snapshot interval (and past the config reload's quiet time).
      const overs = () => (clock.advance(250), heard.filter((w) => w.kind === 'over').map((w) => w.folder));
      await expect.poll(overs, { timeout: 20_000 }).toEqual(['outputs']);

      await writeFile(configFile, `folders:\n${OTHER}`);
      const names = async () => (clock.advance(250), (await engine.getSnapshot()).folders.map((f) => f.name));
      await expect.poll(names, { timeout: 20_000 }).toEqual(['other']);

      await writeFile(configFile, `folders:\n${OUTPUTS}${OTHER}`);
      await expect.poll(overs, { timeout: 20_000 }).toEqual(['outputs', 'outputs']);
    } finally {
      await engine.dispose();
    }
  });
});
