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
  },
});
