/**
 * First start against `headroom serve` with no config: the sample folders say they are samples, and one
 * first step, "Point Headroom at your folders", leads to what was found on this computer (a ComfyUI install
 * in a temp HOME) or, with nothing found, to Settings.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeComfyUi } from '../support/tool-trees.js';
import { startHeadroom, type HeadroomServer } from './support/headroom-server.js';

const CLEAN_ENV_KEYS = [
  'HF_HUB_CACHE',
  'HUGGINGFACE_HUB_CACHE',
  'HF_HOME',
  'XDG_CACHE_HOME',
  'OLLAMA_MODELS',
  'GRADIO_TEMP_DIR',
];

async function firstStart(withComfyUi: boolean): Promise<{ server: HeadroomServer; home: string }> {
  const home = await mkdtemp(join(tmpdir(), 'headroom-e2e-home-'));
  if (withComfyUi) await makeComfyUi(join(home, 'ComfyUI'), ['output', 'temp']);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TMPDIR: home };
  for (const key of CLEAN_ENV_KEYS) delete env[key];
  const server = await startHeadroom('', [], { defaultConfig: true, env });
  return { server, home };
}

test('samples are labelled and the first step leads to the folders found here', async ({ page }) => {
  const { server, home } = await firstStart(true);
  try {
    await page.goto(server.link);
    const step = page.getByTestId('first-step');
    await expect(step.getByRole('heading', { name: 'Point Headroom at your folders' })).toBeVisible();
    await expect(step).toContainText('outputs, temp, vc_inputs are samples');
    await expect(step.getByTestId('first-step-found')).toContainText('Headroom found 2 folders');
    // One sample tag per sample folder card.
    await expect(page.getByTestId('sample-tag')).toHaveCount(3);
    // The first thing on the page, above the fold.
    const box = await step.boundingBox();
    expect(box!.y).toBeLessThan(200);
    await step.getByRole('button', { name: 'Choose from what was found' }).click();
    await expect(page.getByRole('heading', { name: 'Found on this computer' })).toBeFocused();
    await expect(page.getByTestId('header-usage')).toContainText('Fullest folder');
  } finally {
    await server.stop();
    await rm(home, { recursive: true, force: true });
  }
});

test('with nothing found, the first step leads to Settings', async ({ page }) => {
  const { server, home } = await firstStart(false);
  try {
    await page.goto(server.link);
    const step = page.getByTestId('first-step');
    await expect(step.getByTestId('first-step-none')).toBeVisible();
    await step.getByRole('button', { name: 'Add your folders in Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeFocused();
  } finally {
    await server.stop();
    await rm(home, { recursive: true, force: true });
  }
});
