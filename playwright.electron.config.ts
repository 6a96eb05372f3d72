import { defineConfig } from '@playwright/test';

// The Electron shell's tests (tests/electron), apart from the browser end-to-end tests: they launch the
// built app with Playwright's `_electron`, so run `npm run build` first. Where no Electron binary exists
// they skip and say why. Run: npx playwright test -c playwright.electron.config.ts
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/electron/global-setup.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
