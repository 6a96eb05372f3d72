import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom('folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 5\n', [
    { path: 'outputs/secret-name.wav', sizeBytes: 10, ageDays: 1 },
  ]);
});
test.afterAll(async () => server.stop());

/** Every /api/ answer the page got, to prove none carried data. */
function apiStatuses(page: Page): { url: string; status: number }[] {
  const seen: { url: string; status: number }[] = [];
  page.on('response', (res) => {
    if (new URL(res.url()).pathname.startsWith('/api/')) seen.push({ url: res.url(), status: res.status() });
  });
  return seen;
}

for (const [name, hash] of [
  ['a wrong token', '#token=not-the-token'],
  ['no token', ''],
] as const) {
  test(`${name} gets nothing: an unauthorized banner and no data`, async ({ page }) => {
    const seen = apiStatuses(page);
    await page.goto(server.baseUrl + hash);
    const banner = page.getByTestId('connection-banner');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('token is wrong or missing');
    await expect(page.getByTestId('loading')).toHaveText('No data: the link needs a valid token.');
    await expect(page.locator('[data-testid^="folder-"]')).toHaveCount(0);
    await expect(page.getByText('secret-name.wav')).toHaveCount(0);
    if (hash !== '') expect(seen.length).toBeGreaterThan(0); // without a token the page does not even ask
    expect(seen.every((r) => r.status === 401)).toBe(true);
  });
}
