/**
 * The kept data against a real `serve` (issue 15 items 2, 3): usage over time drawn from the data folder's
 * usage-history.jsonl (seeded with two days written by the engine's own store, then sampled live), a
 * cleanup run through the bridge marked and counted in "Space freed per day", and what takes space from
 * the live index, without "Show in folder" in the browser.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { USAGE_FILE, UsageHistoryStore } from '../../electron/engine/history/usage-history-store.js';
import { bridgeCall } from './support/bridge-call.js';
import { startHeadroom, type HeadroomServer } from './support/headroom-server.js';

const KB = 1024;
// outputs: 1 MB limit; 600 KB now in two subfolders. temp: a count limit only.
const CONFIG = `cleanup_on_startup: false
folders:
  - name: outputs
    path: ./outputs
    max_size_gb: 0.0009765625
  - name: temp
    path: ./temp
    max_files: 50
    max_age_days: 3
`;
const FILES = [
  { path: 'outputs/voices/take-1.wav', sizeBytes: 250 * KB, ageDays: 1 },
  { path: 'outputs/voices/take-2.wav', sizeBytes: 150 * KB, ageDays: 2 },
  { path: 'outputs/images/cat.png', sizeBytes: 120 * KB, ageDays: 3 },
  { path: 'outputs/notes.txt', sizeBytes: 80 * KB, ageDays: 12 },
  { path: 'temp/old.tmp', sizeBytes: 4 * KB, ageDays: 10 },
  { path: 'temp/new.tmp', sizeBytes: 4 * KB, ageDays: 0 },
];

/** Two days of 5-minute samples: outputs grows, a cleanup halves it a day ago, it grows again. */
async function seedUsage(dir: string): Promise<void> {
  const dataDir = join(dir, 'data');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const store = await UsageHistoryStore.open(join(dataDir, USAGE_FILE), { writable: true, log: () => {} });
  const step = 5 * 60_000;
  const now = Date.now();
  for (let t = now - 2 * 86_400_000; t < now - step; t += step) {
    const hoursAgo = (now - t) / 3_600_000;
    const size = hoursAgo > 24 ? (48 - hoursAgo) * 35 * KB + 100 * KB : (24 - hoursAgo) * 12 * KB + 300 * KB;
    if (Math.abs(hoursAgo - 24) < 0.04) await store.freed(t, { outputs: 700 * KB });
    await store.sample(t, {
      outputs: { sizeBytes: Math.round(size), fileCount: Math.round(size / (60 * KB)) },
      temp: { sizeBytes: 8 * KB, fileCount: 2 + Math.round((48 - hoursAgo) / 4) },
    });
  }
  await store.settle();
}

test.describe.configure({ mode: 'serial' });

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, FILES, { beforeStart: seedUsage });
  // A real cleanup through the bridge: temp's file past 3 days goes, and is recorded as freed today.
  await bridgeCall(server, 'runCleanup', { folders: ['temp'] });
});
test.afterAll(async () => server.stop());

test('usage over time and space freed per day render from the kept data', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(server.link);
  const outputs = page.getByRole('img', { name: /^Usage over time — outputs: 600 KB of 1 MB now/ });
  await expect(outputs).toBeVisible();
  await expect(outputs.getByTestId('cleanup-mark')).toHaveCount(1);
  await expect(outputs.getByTestId('limit-line')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /^Usage over time — temp: \d+ of 50 files now/ })).toBeVisible();
  await expect(page.getByTestId('freed-total')).toHaveText('Freed in the last 30 days: 704 KB');
  await expect(
    page.getByRole('img', { name: /^Space freed per day: 704 KB in the last 30 days/ }),
  ).toBeVisible();
  const summary = page.getByText('Usage over time — outputs, as a table');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Usage over time — outputs' })).toBeVisible();
  await page.getByTestId('usage-charts').screenshot({ path: test.info().outputPath('usage-charts.png') });
});

test('what takes space lists the live index, with no "Show in folder" in the browser', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(server.link);
  const panel = page.getByRole('region', { name: 'What takes space — outputs' });
  await expect(panel.getByText('voices/take-1.wav').first()).toBeVisible();
  await expect(panel.getByText('notes.txt').first()).toBeVisible();
  await expect(panel.getByText('.wav', { exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: /in folder/ })).toHaveCount(0);
  await page.getByTestId('space-panel').getByLabel('Folder').selectOption('temp');
  await expect(
    page.getByRole('region', { name: 'What takes space — temp' }).getByText('new.tmp').first(),
  ).toBeVisible();
  await page.getByTestId('space-panel').getByLabel('Folder').selectOption('outputs');
  await page.getByTestId('space-panel').screenshot({ path: test.info().outputPath('space-panel.png') });
});

test('the charts and the space panel fit a 360 px window without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(server.link);
  await expect(page.getByRole('img', { name: /^Usage over time — outputs/ })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'What takes space — outputs' }).getByText('notes.txt').first(),
  ).toBeVisible();
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId('usage-charts').screenshot({ path: test.info().outputPath('usage-charts-360.png') });
});
