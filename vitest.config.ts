import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node; renderer component tests opt into jsdom per file
// with a `// @vitest-environment jsdom` docblock. End-to-end and Electron tests run under Playwright.
export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/renderer/**/*.test.tsx',
      'bench/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'tests/hostile/**/*.test.ts',
      'tests/soak/**/*.test.ts',
      'tests/attack/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine, one file at a time, and the
    // suite took 11 minutes in Vitest alone. Most of its time is real processes waiting on real disks and
    // watchers, and every timing-sensitive test judges itself against an idle control in the same run, so
    // two files at a time hold; `VITEST_MAX_WORKERS` overrides it.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
