/**
 * The dashboard loads with nothing missing: every request the page makes answers (no 404 for a
 * favicon the browser asks for on its own), and the tab has an icon.
 */
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom('folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 5\n', []);
});
test.afterAll(async () => server.stop());

test('no request of the page fails, and the tab has an icon', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${new URL(res.url()).pathname}`);
  });
  page.on('requestfailed', (req) => failed.push(`failed ${req.url()}`));
  await page.goto(server.link);
  await expect(page.getByTestId('folder-outputs')).toBeVisible();
  // Chromium asks for /favicon.ico only when the page names no icon, after the load.
  await page.waitForLoadState('networkidle');
  expect(failed).toEqual([]);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /^data:image\/svg\+xml,/);
});
