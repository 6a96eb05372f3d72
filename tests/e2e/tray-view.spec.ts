/**
 * The tray popup (`#/tray`, the desktop app's 480×680 window beside the tray): the fullest folders with
 * their gauges, the warnings, Clean now and the next run all above the fold, and "Open dashboard" leading
 * to the full view (in the browser the page switches itself; the desktop app grows its window).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

const POPUP = { width: 480, height: 680 };
// Four folders: outputs 85% (warning), cache 60%, temp 30%, logs 10%; the popup shows the three fullest.
const CONFIG = `cleanup_on_startup: false
folders:
  - name: logs
    path: ./logs
    max_files: 10
  - name: temp
    path: ./temp
    max_files: 10
  - name: outputs
    path: ./outputs
    max_files: 20
  - name: cache
    path: ./cache
    max_files: 10
`;
const files = (folder: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ path: `${folder}/f-${i}.bin`, sizeBytes: 100, ageDays: 1 }));
const FILES = [...files('logs', 1), ...files('temp', 3), ...files('outputs', 17), ...files('cache', 6)];

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, FILES);
});
test.afterAll(async () => server.stop());

async function openPopup(page: Page): Promise<void> {
  await page.setViewportSize(POPUP);
  await page.goto(server.link);
  await expect(page.getByTestId('folder-outputs')).toBeVisible();
  // As the desktop app's tray click does (window.ts): the hash names the view.
  await page.evaluate('location.hash = "#/tray"');
  await expect(page.getByTestId('tray-view')).toBeVisible();
}

async function aboveTheFold(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, 'laid out').not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(POPUP.height);
}

test('shows the fullest folders, warnings, Clean now and the next run above the fold', async ({ page }) => {
  await openPopup(page);
  await aboveTheFold(page.getByRole('button', { name: 'Clean now' }));
  await aboveTheFold(page.getByRole('button', { name: 'Open dashboard' }));
  await aboveTheFold(page.getByTestId('next-run'));
  await aboveTheFold(page.getByTestId('warnings').getByText('outputs is near its limit (85%).'));
  const shown = page.locator('[data-testid^="folder-"]');
  await expect(shown).toHaveCount(3);
  await expect(shown.locator('h3 > span:first-child')).toHaveText(['outputs', 'cache', 'temp']);
  await aboveTheFold(page.getByRole('meter', { name: 'temp files' }));
  // The full dashboard's sections are not in the popup.
  await expect(page.getByRole('heading', { name: 'History' })).toHaveCount(0);
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(POPUP.width);
});

test('Clean now asks first, and focus comes back to it', async ({ page }) => {
  await openPopup(page);
  await page.getByRole('button', { name: 'Clean now' }).click();
  const dialog = page.getByRole('alertdialog');
  await aboveTheFold(dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clean now' })).toBeFocused();
});

test('Open dashboard shows the full view', async ({ page }) => {
  await openPopup(page);
  await page.getByRole('button', { name: 'Open dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByTestId('tray-view')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the popup has no serious accessibility violation (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openPopup(page);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
