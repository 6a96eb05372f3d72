import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarningEvent } from '../../../shared/types.js';
import { manualClock } from '../../support/manual-clock.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';
import { startEngine } from '../../support/start-engine.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-startup-warnings-')));
afterEach(() => cleanup());

describe('createEngine subscribe (real folder, manual clock)', () => {
  it('lets the host hear the warning the first scan raises for a folder already over its limit', async () => {
    // createEngine returns before the scan ends (issue 17): the warning comes after, through the early
    // subscription; the schedule is paused so the emergency cleanup it would start leaves the files be.
    const clock = manualClock(Date.now());
    await writeFiles(
      join(dir, 'outputs'),
      [1, 2, 3, 4].map((n) => ({ path: `take-${n}.wav`, sizeBytes: 10, ageMs: n * DAY_MS })),
    );
    const heard: WarningEvent[] = [];
    const { engine } = await startEngine(
      dir,
      'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 2\n',
      {
        clock,
        subscribe: (on) => on('warning', (warning) => void heard.push(warning)),
      },
    );
    try {
      await engine.pauseSchedule({ until: '2999-01-01T00:00:00.000Z' });
      // Each poll moves the fake clock one snapshot interval, so a push held by the throttle goes out.
      const kinds = () => (clock.advance(250), heard.map((w) => [w.kind, w.folder]));
      await expect.poll(kinds, { timeout: 20_000 }).toEqual([['over', 'outputs']]);
      expect(await readdir(join(dir, 'outputs'))).toHaveLength(4);
    } finally {
      await engine.dispose();
    }
  });
});
