/**
 * A preview of 50,000 planned files (issue 15 item 4), in Chromium against `headroom serve`: it opens in
 * the folder's card with focus on it, states before → after, keeps the page a page (no 19,000 px) while the
 * list scrolls in its own box to its last row, and the confirmation states the same numbers.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

const DAY_MS = 86_400_000;
const GROUPS = 50;
const PER_GROUP = 1000;
// Every file is past the 1-day age limit; 1 GB holds them all, so nothing is over a limit and the live
// engine has no emergency to clean before the test looks.
const config = (outputs: string) => `cleanup_on_startup: false
folders:
  - name: outputs
    path: ${JSON.stringify(outputs)}
    max_age_days: 1
    max_size_gb: 1
`;

test.describe.configure({ mode: 'serial' });

let server: HeadroomServer;
let outputs: string;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Written before serve starts, so its first scan counts them all; batch00 is the oldest.
  outputs = mkdtempSync(join(tmpdir(), 'headroom-e2e-50k-'));
  const now = Date.now();
  for (let g = 0; g < GROUPS; g++) {
    const dir = join(outputs, `batch${String(g).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < PER_GROUP; i++) {
      const file = join(dir, `clip${String(i).padStart(4, '0')}.wav`);
      writeFileSync(file, Buffer.alloc(1000, 0x61));
      const when = new Date(now - 2 * DAY_MS - (GROUPS * PER_GROUP - g * PER_GROUP - i) * 60_000);
      utimesSync(file, when, when);
    }
  }
  server = await startHeadroom(config(outputs), []);
});
test.afterAll(async () => {
  await server.stop();
  rmSync(outputs, { recursive: true, force: true });
});

test('a 50,000-file preview opens in its card, keeps the page short and scrolls in its own box', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(server.link);
  const card = page.getByTestId('folder-outputs');
  await expect(card.getByRole('meter', { name: 'outputs size' })).toHaveAttribute(
    'aria-valuetext',
    /^47\.7 MB/,
    {
      timeout: 60_000,
    },
  );
  // What the page measures without the preview: the preview must add a bounded box, not 50,000 rows.
  const heightBefore = await page.locator('html').evaluate((html) => html.scrollHeight);
  await card.getByRole('button', { name: 'Preview outputs' }).click();
  const preview = card.getByTestId('preview');
  await expect(preview.getByTestId('preview-total')).toHaveText(
    'Would remove 50,000 files and free 47.7 MB.',
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByRole('heading', { name: 'Preview of outputs' })).toBeFocused();
  await expect(preview.getByTestId('preview-change-outputs')).toHaveText(
    'outputs: 4.7% → 0% of its limit, 47.7 MB → 0 B, 50,000 → 0 files',
  );

  const pageHeight = await page.locator('html').evaluate((html) => html.scrollHeight);
  expect(pageHeight - heightBefore).toBeLessThan(1500);
  const box = preview.getByTestId('preview-scroll-outputs');
  const sizes = await box.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
  expect(sizes.client).toBeLessThan(500);
  expect(sizes.scroll).toBeGreaterThan(50_000 * 25);
  const rows = box.locator('tbody tr[data-kind]');
  await expect(rows.first()).toHaveText('batch00/ — 1,000 files, 977 KB');
  expect(await rows.count()).toBeLessThan(200);
  await page.screenshot({ path: 'test-results/preview-50k-top.png' });

  // To the end of the list by keyboard: the box takes focus and End scrolls it, not the page.
  await box.focus();
  await page.keyboard.press('End');
  await expect(box.locator('tbody tr[data-kind="file"]').last()).toContainText('clip0999.wav');
  await expect(box.locator('tbody tr[data-kind="file"] td:first-child').last()).toHaveAttribute(
    'title',
    'batch49/clip0999.wav',
  );
  expect(await rows.count()).toBeLessThan(200);
  expect(await page.locator('html').evaluate((html) => html.scrollHeight)).toBe(pageHeight);
  await page.screenshot({ path: 'test-results/preview-50k-end.png' });
});

test('the confirmation states the numbers of the 50,000-file cleanup', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(server.link);
  await page.getByRole('button', { name: 'Clean outputs' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Clean outputs now?' });
  await expect(dialog.getByTestId('confirm-figures')).toHaveText('50,000 files, 47.7 MB, will be removed.', {
    timeout: 60_000,
  });
  await expect(dialog.getByTestId('confirm-change-outputs')).toHaveText(
    'outputs: 4.7% → 0% of its limit, 47.7 MB → 0 B, 50,000 → 0 files',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
