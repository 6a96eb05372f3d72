import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer, SeedFile } from './support/headroom-server.js';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const MB = 1024 * 1024;

// outputs near its size limit (warning), temp well inside, vc_inputs over its size limit (2.2 MB of
// 2 MB): the live engine cleans vc_inputs at once (emergency), so the history has a run to show. (An age
// limit alone is a policy, not a level, so it would start no emergency.)
const CONFIG = `cleanup_on_startup: false
folders:
  - name: outputs
    path: ./outputs
    max_size_gb: 0.01
  - name: temp
    path: ./temp
    max_files: 200
    max_age_days: 7
  - name: vc_inputs
    path: ./vc_inputs
    max_size_gb: 0.002
    max_age_days: 7
`;

const FILES: SeedFile[] = [
  ...Array.from({ length: 9 }, (_, i) => ({
    path: `outputs/take-${i}.wav`,
    sizeBytes: 0.97 * MB,
    ageDays: 6 - i / 2,
  })),
  ...Array.from({ length: 40 }, (_, i) => ({ path: `temp/gradio-${i}.tmp`, sizeBytes: 20_000, ageDays: 2 })),
  { path: 'vc_inputs/voice-a.wav', sizeBytes: 1.2 * MB, ageDays: 1 },
  { path: 'vc_inputs/old-1.wav', sizeBytes: 0.5 * MB, ageDays: 10 },
  { path: 'vc_inputs/old-2.wav', sizeBytes: 0.5 * MB, ageDays: 9 },
];

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, FILES);
});
test.afterAll(async () => server.stop());

/** Keeps a docs picture: refreshed on request (HEADROOM_UPDATE_DOCS=1) or when missing (paths and times change per run). */
async function keepForDocs(file: string, name: string): Promise<void> {
  const docsFile = `${DOCS}${name}`;
  if (process.env.HEADROOM_UPDATE_DOCS === '1' || !existsSync(docsFile)) {
    await mkdir(DOCS, { recursive: true });
    await copyFile(file, docsFile);
  }
}

for (const theme of ['light', 'dark'] as const) {
  const suffix = theme === 'light' ? '' : '-dark';

  test(`screenshot of the full dashboard (${theme})`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(server.link);
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByTestId('folder-vc_inputs')).toBeVisible();
    await expect(page.getByTestId('history-row')).toHaveCount(1, { timeout: 10_000 });
    await expect(page.getByRole('meter', { name: 'outputs size' })).toHaveAttribute('data-level', 'warning');
    const file = testInfo.outputPath(`dashboard${suffix}.png`);
    await page.screenshot({ path: file, animations: 'disabled' });
    await testInfo.attach(`dashboard${suffix}`, { path: file, contentType: 'image/png' });
    const fullPage = testInfo.outputPath(`dashboard${suffix}-full-page.png`);
    await page.screenshot({ path: fullPage, animations: 'disabled', fullPage: true });
    await keepForDocs(file, `dashboard${suffix}.png`);
  });

  test(`screenshot of the tray popup (${theme})`, async ({ page }, testInfo) => {
    // The desktop app's popup window: 480×680 beside the tray, on #/tray.
    await page.setViewportSize({ width: 480, height: 680 });
    await page.goto(server.link);
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.getByTestId('folder-vc_inputs')).toBeVisible();
    await expect(page.getByTestId('history-row')).toHaveCount(1, { timeout: 10_000 });
    await page.evaluate('location.hash = "#/tray"');
    await expect(page.getByTestId('tray-view')).toBeVisible();
    await expect(page.getByRole('meter', { name: 'outputs size' })).toHaveAttribute('data-level', 'warning');
    const file = testInfo.outputPath(`tray${suffix}.png`);
    await page.screenshot({ path: file, animations: 'disabled' });
    await testInfo.attach(`tray${suffix}`, { path: file, contentType: 'image/png' });
    await keepForDocs(file, `tray${suffix}.png`);
  });
}
