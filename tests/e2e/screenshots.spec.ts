import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
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

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the dashboard (${theme})`, async ({ page }, testInfo) => {
    await page.goto(server.link);
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByTestId('folder-vc_inputs')).toBeVisible();
    await expect(page.getByTestId('history-row')).toHaveCount(1, { timeout: 10_000 });
    await expect(page.getByRole('meter', { name: 'outputs size' })).toHaveAttribute('data-level', 'warning');
    const png = await page.screenshot({ animations: 'disabled' });
    await testInfo.attach(`dashboard-${theme}`, { body: png, contentType: 'image/png' });
    const fullPage = await page.screenshot({ animations: 'disabled', fullPage: true });
    await testInfo.attach(`dashboard-${theme}-full-page`, { body: fullPage, contentType: 'image/png' });
    const file = testInfo.outputPath(`dashboard-${theme}.png`);
    await writeFile(testInfo.outputPath(`dashboard-${theme}-full-page.png`), fullPage);
    await page.screenshot({ path: file, animations: 'disabled' });
    // The docs copy changes on every run (temp paths, times): refresh it on request or when missing.
    const docsFile = `${DOCS}${theme === 'light' ? 'dashboard.png' : 'dashboard-dark.png'}`;
    if (process.env.HEADROOM_UPDATE_DOCS === '1' || !existsSync(docsFile)) {
      await mkdir(DOCS, { recursive: true });
      await copyFile(file, docsFile);
    }
  });
}
