import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine.js';
import type { WarningEvent } from '../../../shared/types.js';
import { manualClock } from '../../support/manual-clock.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-startup-warnings-')));
afterEach(() => cleanup());

describe('createEngine subscribe (real folder, manual clock)', () => {
  it('lets the host hear the warning the first scan raises for a folder already over its limit', async () => {
    const clock = manualClock(Date.now());
    await writeFiles(
      join(dir, 'outputs'),
      [1, 2, 3, 4].map((n) => ({ path: `take-${n}.wav`, sizeBytes: 10, ageMs: n * DAY_MS })),
    );
    const configFile = join(dir, 'config.yaml');
    await writeFile(configFile, 'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 2\n');
    const heard: WarningEvent[] = [];
    let returned = false;
    const engine = await createEngine({
      dataDir: join(dir, 'data'),
      configFile,
      live: true,
      clock, // the schedule (and its emergency cleanup) never starts: the clock is not advanced
      log: () => {},
      subscribe: (on) => on('warning', (warning) => void (returned || heard.push(warning))),
    });
    returned = true;
    try {
      expect(heard.map((w) => [w.kind, w.folder])).toEqual([['over', 'outputs']]);
      expect(await readdir(join(dir, 'outputs'))).toHaveLength(4);
    } finally {
      await engine.dispose();
    }
  });
});
