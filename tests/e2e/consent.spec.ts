/**
 * Issue 12 item 1 in the dashboard against `headroom serve`: a save that would remove files shows its
 * impact with the files one click away and saves only once confirmed; Cancel keeps everything.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

const CONFIG = `cleanup_on_startup: false
folders:
  - name: outputs
    path: ./outputs
    max_files: 50
  - name: cache
    path: ./cache
    max_age_days: 30
`;
const CACHE_FILES = 20;

let server: HeadroomServer;
test.beforeAll(async () => {
  const cache = Array.from({ length: CACHE_FILES }, (_, i) => ({
    path: `cache/f${String(i).padStart(2, '0')}.bin`,
    sizeBytes: 2048,
    ageDays: 10,
  }));
  server = await startHeadroom(CONFIG, [{ path: 'outputs/a.wav', sizeBytes: 10, ageDays: 1 }, ...cache]);
});
test.afterAll(async () => server.stop());

const cacheCount = async () => (await readdir(join(server.dir, 'cache'))).length;

test('the engine refuses a removing save without the confirmation, whatever the client', async ({
  request,
}) => {
  const folders = [
    { name: 'outputs', path: './outputs', max_files: 50 },
    { name: 'cache', path: './cache', max_age_days: 7 },
  ];
  const response = await request.post(`${server.baseUrl}api/bridge/updateConfig`, {
    headers: { Authorization: `Bearer ${server.token}` },
    data: { folders },
  });
  expect(response.status()).toBe(409);
  expect(await response.json()).toMatchObject({ ok: false, code: 'consent-required' });
  expect(await readFile(server.configFile, 'utf8')).toContain('max_age_days: 30');
  expect(await cacheCount()).toBe(CACHE_FILES);
});

test('a tightened limit asks before it saves, shows the files, and Cancel keeps everything', async ({
  page,
}) => {
  await page.goto(server.link);
  const form = page.getByRole('form', { name: 'Settings' });
  const maxAge = form
    .getByRole('group', { name: 'cache limits' })
    .getByRole('combobox', { name: 'Remove files older than days' });
  await expect(maxAge).toHaveValue('30');
  await maxAge.fill('7');
  await form.getByRole('button', { name: 'Save settings' }).click();

  const dialog = page.getByTestId('impact-dialog');
  await expect(dialog).toContainText('Saving will remove 20 files, 40 KB, from cache.');
  await dialog.getByRole('button', { name: 'Preview files' }).click();
  await expect(page.getByTestId('impact-files').getByRole('listitem')).toHaveCount(CACHE_FILES);
  await expect(page.getByTestId('impact-files')).toContainText('f00.bin');
  await page.screenshot({ path: 'test-results/consent-dialog.png', fullPage: true });

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await readFile(server.configFile, 'utf8')).toContain('max_age_days: 30');
  expect(await cacheCount()).toBe(CACHE_FILES);

  await form.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('impact-dialog').getByRole('button', { name: 'Save and remove' }).click();
  await expect
    .poll(() => readFile(server.configFile, 'utf8'), { timeout: 10_000 })
    .toContain('max_age_days: 7');
  await expect(page.getByText('Saved.')).toBeVisible();

  // Agreed: the next clean removes them.
  await page.getByRole('button', { name: 'Clean now' }).click();
  await page.getByRole('button', { name: 'Confirm cleanup' }).click();
  await expect.poll(cacheCount, { timeout: 20_000 }).toBe(0);
});

test('a rule added by editing config.yaml is pending: Hold, then Run now with its impact in the confirmation', async ({
  page,
}) => {
  const files = Array.from({ length: CACHE_FILES }, (_, i) => ({
    path: `cache/g${String(i).padStart(2, '0')}.bin`,
    sizeBytes: 2048,
    ageDays: 10,
  }));
  const own = await startHeadroom(CONFIG, files);
  try {
    await page.goto(own.link);
    await expect(page.getByRole('form', { name: 'Settings' })).toBeVisible();
    await writeFile(own.configFile, CONFIG.replace('max_age_days: 30', 'max_age_days: 7'));

    const card = page.getByTestId('pending-rules');
    await expect(card).toContainText(/Pending: 20 files \(40 KB\) from cache under the new rules, at /, {
      timeout: 15_000,
    });
    await card.getByRole('button', { name: 'Hold' }).click();
    await expect(card).toContainText(
      'Held: 20 files (40 KB) from cache under the new rules, until you decide',
    );
    expect((await readdir(join(own.dir, 'cache'))).length).toBe(CACHE_FILES);
    await page.screenshot({ path: 'test-results/consent-pending.png', fullPage: true });

    await card.getByRole('button', { name: 'Run now' }).click();
    await expect(page.getByTestId('confirm-pending')).toContainText(
      'This applies the rules changed in config.yaml, which remove 20 files, 40 KB, from cache',
    );
    await page.getByRole('button', { name: 'Confirm cleanup' }).click();
    await expect
      .poll(async () => (await readdir(join(own.dir, 'cache'))).length, { timeout: 20_000 })
      .toBe(0);
    await expect(card).toHaveCount(0);
  } finally {
    await own.stop();
  }
});
