import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { httpRoute } from '../../shared/bridge.js';
import { startHeadroom, writeSeedFiles } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

// outputs: 5 files, at most 3 → a cleanup removes the two oldest (a.wav, b.wav) by count.
// temp: 100 KB of a 1 MB (0.0009765625 GB) size limit → about 10%, nothing to remove.
const CONFIG = `cleanup_on_startup: false
folders:
  - name: outputs
    path: ./outputs
    max_files: 3
  - name: temp
    path: ./temp
    max_size_gb: 0.0009765625
`;
const START_FILES = [
  { path: 'outputs/d.wav', sizeBytes: 1000, ageDays: 10 },
  { path: 'outputs/e.wav', sizeBytes: 1000, ageDays: 5 },
  { path: 'temp/t.tmp', sizeBytes: 100 * 1024, ageDays: 1 },
];
const LATER_FILES = [
  { path: 'outputs/a.wav', sizeBytes: 1000, ageDays: 40 },
  { path: 'outputs/b.wav', sizeBytes: 1000, ageDays: 30 },
  { path: 'outputs/c.wav', sizeBytes: 1000, ageDays: 20 },
];

test.describe.configure({ mode: 'serial' });

let server: HeadroomServer;
test.beforeAll(async () => {
  // A live engine cleans a folder that crosses 100% at once (emergency) unless automatic cleanup is
  // paused: pause it, then push outputs over its limit so there is something to preview and clean by hand.
  server = await startHeadroom(CONFIG, START_FILES);
  const until = new Date(Date.now() + 3_600_000).toISOString();
  const paused = await fetch(new URL(httpRoute('pauseSchedule'), server.baseUrl), {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ until }),
  });
  expect(paused.status).toBe(200);
  await writeSeedFiles(server.dir, LATER_FILES);
});
test.afterAll(async () => server.stop());
test.beforeEach(async ({ page }) => {
  await page.goto(server.link);
});

test('the dashboard loads and shows a gauge per folder limit', async ({ page }) => {
  await expect(page.getByTestId('folder-outputs')).toBeVisible();
  await expect(page.getByTestId('folder-temp')).toBeVisible();
  await expect(page.getByRole('meter', { name: 'outputs files' })).toHaveAttribute(
    'aria-valuetext',
    '5 of 3 files (167%)',
  );
  await expect(page.getByRole('meter', { name: 'temp size' })).toHaveAttribute(
    'aria-valuetext',
    /^100 KB of 1 MB \(9\.8%\)$/,
  );
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);
  // The token left the address bar once the page took it.
  expect(page.url()).not.toContain('token');
});

test('a file written on disk shows in its gauge within 2 s', async ({ page }) => {
  const gauge = page.getByRole('meter', { name: 'temp size' });
  await expect(gauge).toHaveAttribute('aria-valuetext', /^100 KB of 1 MB/);
  await writeFile(join(server.dir, 'temp', 'new.tmp'), Buffer.alloc(400 * 1024, 0x62));
  await expect(gauge).toHaveAttribute('aria-valuetext', /^500 KB of 1 MB \(49%\)$/, { timeout: 2_000 });
});

test('preview lists exactly the files a cleanup would remove', async ({ page }) => {
  await page.getByRole('button', { name: 'Preview cleanup' }).click();
  const preview = page.getByTestId('preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-total')).toHaveText(/^Would remove 2 files and free 2(\.0)? KB\.$/);
  const outputsRows = preview
    .getByRole('table', { name: 'Files a cleanup of outputs would remove' })
    .locator('tbody tr[data-kind="file"]');
  await expect(outputsRows.locator('td:first-child')).toHaveText(['a.wav', 'b.wav']);
  await expect(outputsRows.locator('td:nth-child(3)')).toHaveText(['40 days old', '30 days old']);
  await expect(outputsRows.locator('td:nth-child(5)')).toHaveText(['count', 'count']);
  await expect(preview.getByRole('table', { name: /Files a cleanup of temp/ })).toHaveCount(0);
  // Preview removes nothing.
  expect(existsSync(join(server.dir, 'outputs', 'a.wav'))).toBe(true);
});

test('"Clean now" removes them, the gauge drops and the history shows the run', async ({ page }) => {
  await expect(page.getByText('No cleanups yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Clean now' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm cleanup' }).click();
  await expect(page.getByTestId('cleanup-result')).toContainText('removed 2 files');
  await expect(page.getByRole('meter', { name: 'outputs files' })).toHaveAttribute(
    'aria-valuetext',
    '3 of 3 files (100%)',
  );
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('manual');
  expect(existsSync(join(server.dir, 'outputs', 'a.wav'))).toBe(false);
  expect(existsSync(join(server.dir, 'outputs', 'b.wav'))).toBe(false);
  expect(existsSync(join(server.dir, 'outputs', 'c.wav'))).toBe(true);
});
