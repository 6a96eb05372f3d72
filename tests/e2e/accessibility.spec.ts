/**
 * Accessibility of the main views, in light and dark: axe-core finds no serious or critical violation;
 * a skip link leads to the content; every dialog takes focus and gives it back to the button that opened it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

// outputs at 85% of its file limit (a warning), temp over its limit once the emergency run has cleaned it
// (a history row with details to open), so every part of the dashboard has something to show.
const CONFIG = `cleanup_on_startup: false
folders:
  - name: outputs
    path: ./outputs
    max_files: 20
  - name: temp
    path: ./temp
    max_files: 2
  - name: renders
    path: ./renders
    max_age_days: 7
`;
const FILES = [
  ...Array.from({ length: 17 }, (_, i) => ({ path: `outputs/take-${i}.wav`, sizeBytes: 100, ageDays: 1 })),
  ...Array.from({ length: 4 }, (_, i) => ({ path: `temp/t-${i}.tmp`, sizeBytes: 100, ageDays: 3 + i })),
  // Past the age limit (a policy, so no emergency run): the preview has files to list.
  ...Array.from({ length: 3 }, (_, i) => ({ path: `renders/batch-${i}/r.png`, sizeBytes: 100, ageDays: 30 })),
];

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, FILES);
});
test.afterAll(async () => server.stop());

/** Serious and critical violations only, as "rule: target" lines, so a failure names what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the dashboard, with a run open and the confirmation shown, has no serious violation', async ({
      page,
    }) => {
      await page.goto(server.link);
      await expect(page.getByTestId('history-row')).toHaveCount(1, { timeout: 10_000 });
      await page.getByTestId('history-row').first().getByRole('button').click();
      await expect(page.getByTestId('run-details')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Clean now' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the cleanup preview has no serious violation', async ({ page }) => {
      await page.goto(server.link);
      await expect(page.getByTestId('folder-outputs')).toBeVisible();
      await page.getByRole('button', { name: 'Preview cleanup' }).click();
      await expect(page.getByTestId('preview')).toContainText('r.png');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('a skip link leads past the header to the content', async ({ page }) => {
  await page.goto(server.link);
  await expect(page.getByTestId('folder-outputs')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the cleanup confirmation takes focus and gives it back to Clean now', async ({ page }) => {
  await page.goto(server.link);
  const opener = page.getByRole('button', { name: 'Clean now' });
  await opener.click();
  await expect(page.getByRole('alertdialog').getByRole('button').first()).toBeFocused();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Cancel|Close/ })
    .click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
  // Escape too.
  await page.getByRole('button', { name: 'Clean outputs' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Clean outputs' })).toBeFocused();
});

test('headings go down one level at a time', async ({ page }) => {
  await page.goto(server.link);
  await expect(page.getByTestId('history-row')).toHaveCount(1, { timeout: 10_000 });
  await page.getByTestId('history-row').first().getByRole('button').click();
  await expect(page.getByTestId('run-details')).toBeVisible();
  const levels = await page
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  const jumps = levels.flatMap((level, i) =>
    i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]}→h${level}`] : [],
  );
  expect(jumps).toEqual([]);
});

test("a history row's toggle keeps one name, open or closed", async ({ page }) => {
  await page.goto(server.link);
  await expect(page.getByTestId('history-row')).toHaveCount(1, { timeout: 10_000 });
  const toggle = page.getByTestId('history-row').first().getByRole('button');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // The visible text is part of the name (WCAG 2.5.3, label in name): "Hide" is spoken as "Hide".
  await expect(toggle).toHaveAccessibleName(/^Hide details of the emergency run/);
});
