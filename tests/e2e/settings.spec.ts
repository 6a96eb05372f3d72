import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

const CONFIG = `# Headroom e2e settings: this header comment must survive a save
warning_threshold_percent: 80 # warn early
cleanup_on_startup: false
folders:
  # the TTS outputs
  - name: outputs
    path: ./outputs
    max_files: 50 # plenty
`;

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, [{ path: 'outputs/a.wav', sizeBytes: 10, ageDays: 1 }]);
});
test.afterAll(async () => server.stop());

test('a settings change lands in config.yaml with its comments intact', async ({ page }) => {
  await page.goto(server.link);
  const form = page.getByRole('form', { name: 'Settings' });
  const threshold = form.getByRole('combobox', { name: 'Warn at % of a limit' });
  await expect(threshold).toHaveValue('80');
  await threshold.fill('70');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(() => readFile(server.configFile, 'utf8'), { timeout: 5_000 })
    .toContain('warning_threshold_percent: 70');
  const text = await readFile(server.configFile, 'utf8');
  expect(text).toContain('# Headroom e2e settings: this header comment must survive a save');
  expect(text).toMatch(/warning_threshold_percent: 70 # warn early/);
  expect(text).toContain('# the TTS outputs');
  expect(text).toMatch(/max_files: 50 # plenty/);
  await expect(page.getByTestId('save-error')).toHaveCount(0);
  // The form starts over from the saved file.
  await expect(form.getByRole('combobox', { name: 'Warn at % of a limit' })).toHaveValue('70');
});
