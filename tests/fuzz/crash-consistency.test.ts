/**
 * Issue 7 item 2, the short loop: `headroom clean` (a separate process, from source) killed with SIGKILL
 * at random points of a run over a real tree, and config writes through the engine killed midway. Each
 * iteration checks the history, the interrupted run, that only planned files went, the outside folder,
 * and that the next clean finishes the job; see tests/fuzz/support/crash-iteration.ts. The long loop is
 * `npm run crash-loop` (200 kills on 20,000 files).
 */
import { describe, expect, it } from 'vitest';
import { countPoints, runCrashLoop } from './support/crash-loop.js';

describe('crash consistency (SIGKILL)', () => {
  it('leaves a readable history, an interrupted run, only planned files removed, and a job the next clean finishes', async () => {
    const seed = Date.now() % 2_147_483_647;
    const report = await runCrashLoop({
      iterations: 4,
      files: 1000,
      configKills: 1,
      flavour: 'source',
      seed,
    });

    const failures = report.iterations.flatMap((r, i) =>
      r.problems.map((p) => `#${i + 1} (seed ${seed}): ${p}`),
    );
    expect(failures).toEqual([]);
    expect(report.configProblems).toEqual([]);
    console.info(`crash loop (seed ${seed}):`, countPoints(report.iterations));
    // The loop proves something only if its kills really cut runs short.
    expect(report.iterations.filter((r) => r.point !== 'not-killed').length).toBeGreaterThan(0);
  }, 240_000);
});
