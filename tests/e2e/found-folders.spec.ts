/**
 * "Found on this computer" against `headroom serve` on a first run: HOME points at a temp folder holding a
 * ComfyUI install, the checklist shows each folder with its preview, and only the ticked, confirmed folder
 * lands in config.yaml, under its comment, the default config's own comments kept.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeComfyUi, oldFiles } from '../support/tool-trees.js';
import { startHeadroom, type HeadroomServer } from './support/headroom-server.js';

let server: HeadroomServer;
let home: string;

test.beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'headroom-e2e-home-'));
  await makeComfyUi(join(home, 'ComfyUI'), ['output', 'temp']);
  await oldFiles(join(home, 'ComfyUI', 'temp'), 3, 1024, 3);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TMPDIR: home };
  for (const key of [
    'HF_HUB_CACHE',
    'HUGGINGFACE_HUB_CACHE',
    'HF_HOME',
    'XDG_CACHE_HOME',
    'OLLAMA_MODELS',
    'GRADIO_TEMP_DIR',
  ])
    delete env[key];
  server = await startHeadroom('', [], { defaultConfig: true, env });
});
test.afterAll(async () => {
  await server.stop();
  await rm(home, { recursive: true, force: true });
});

test('the first run offers what was found; only the ticked, confirmed folder is added', async ({ page }) => {
  await page.goto(server.link);
  const found = page.getByTestId('found-folders');
  await expect(found.getByRole('heading', { name: 'Found on this computer' })).toBeVisible();
  const temp = found.getByTestId('found-comfyui-temp');
  await expect(temp).toContainText('kind: files');
  await expect(temp).toContainText('limits: max_age_days 1');
  await expect(temp.getByTestId('found-preview')).toHaveText('first cleanup would remove 3 files, 3 KB');
  await expect(found.getByTestId('found-comfyui-output').getByTestId('found-preview')).toHaveText(
    'first cleanup would remove nothing',
  );
  const add = found.getByRole('button', { name: 'Add selected folders' });
  await expect(add).toBeDisabled();
  await temp.getByRole('checkbox', { name: 'Add comfyui-temp' }).check();
  await add.click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Add 1 folder to Headroom?');
  await expect(dialog).toContainText('comfyui-temp: first cleanup would remove 3 files, 3 KB');
  await page.screenshot({ path: 'test-results/found-folders-confirm.png', fullPage: true });
  // Nothing is written before the confirmation.
  expect(await readFile(server.configFile, 'utf8')).not.toContain('comfyui');
  await dialog.getByRole('button', { name: 'Confirm adding' }).click();
  await expect(found.getByTestId('found-added')).toHaveText('Added comfyui-temp to the configuration.');
  const text = await readFile(server.configFile, 'utf8');
  expect(text).toContain('# found by headroom detect: ComfyUI temp files in ~/ComfyUI');
  expect(text).toContain(
    `  - name: comfyui-temp\n    path: ${join(home, 'ComfyUI', 'temp')}\n    max_age_days: 1\n`,
  );
  expect(text).not.toContain('comfyui-output');
  expect(text).toContain('# Generated audio: keep at most 5 GB.');
  // The added folder is now a folder of the dashboard, and is no longer offered.
  await expect(page.getByTestId('folder-comfyui-temp')).toBeVisible({ timeout: 15_000 });
  await expect(found.getByTestId('found-comfyui-temp')).toHaveCount(0);
  // The samples are still samples, and say so; the added folder is the user's own.
  for (const name of ['outputs', 'temp', 'vc_inputs']) {
    await expect(page.getByTestId(`folder-${name}`).getByTestId('sample-tag')).toBeVisible();
  }
  await expect(page.getByTestId('folder-comfyui-temp').getByTestId('sample-tag')).toHaveCount(0);
  await page.locator('section.folders').screenshot({ path: 'test-results/found-folders-added.png' });
});

test('Settings can look again, and the list offers only what is not managed yet', async ({ page }) => {
  await page.goto(server.link);
  await page.getByRole('button', { name: 'Find folders on this computer' }).click();
  const found = page.getByTestId('found-folders');
  await expect(found.getByTestId('found-comfyui-output')).toBeVisible();
  await expect(found.getByTestId('found-comfyui-temp')).toHaveCount(0);
  await found.getByRole('button', { name: 'Close found folders' }).click();
});
