/**
 * Issue 12 items 5 and 6 in a real browser against `headroom serve`: a folder whose path does not exist is
 * an amber card with Clean disabled and a listed warning, Settings offer to create it, and a typo in a
 * number field is refused at the field in words.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

const CONFIG = `cleanup_on_startup: false
folders:
  - name: outputs
    path: ./outputs
    max_files: 50
  - name: temp
    path: ./tmp-typo/temp
    max_files: 200
`;

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, [{ path: 'outputs/a.wav', sizeBytes: 10, ageDays: 1 }]);
});
test.afterAll(async () => server.stop());

const isDirectory = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

test('a missing folder is a warning with Clean disabled, and Settings create it by name', async ({
  page,
}) => {
  await page.goto(server.link);
  const card = page.getByTestId('folder-temp');
  await expect(card).toHaveClass(/level-warning/);
  await expect(card.getByTestId('folder-missing')).toContainText('Folder not found');
  await expect(card.getByRole('button', { name: 'Clean temp' })).toBeDisabled();
  await expect(page.getByRole('list', { name: 'Current warnings' })).toContainText(
    'temp: folder not found at',
  );
  await page.screenshot({ path: test.info().outputPath('missing-folder.png'), fullPage: true });

  const form = page.getByRole('form', { name: 'Settings' });
  const temp = form.getByRole('group', { name: 'temp', exact: true });
  await temp.getByRole('button', { name: 'Create folder temp' }).click();
  await expect.poll(() => isDirectory(join(server.dir, 'tmp-typo', 'temp')), { timeout: 10_000 }).toBe(true);
  await expect(temp.getByRole('button', { name: 'Create folder temp' })).toHaveCount(0);
  // The live folder finds its root again within seconds and measures it.
  await expect(card).not.toHaveClass(/level-warning/, { timeout: 20_000 });
  await expect(card.getByRole('button', { name: 'Clean temp' })).toBeEnabled();
});

test('a typo in a number field is refused at the field, in words, and nothing is saved', async ({ page }) => {
  await page.goto(server.link);
  const form = page.getByRole('form', { name: 'Settings' });
  const maxFiles = form
    .getByRole('group', { name: 'temp', exact: true })
    .getByRole('combobox', { name: 'Keep at most files' });
  await maxFiles.fill('2OO');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(maxFiles).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('Max files must be a whole number, like 200');
  await expect(maxFiles).toHaveValue('2OO');
  await page.screenshot({ path: test.info().outputPath('field-error.png'), fullPage: true });
});
