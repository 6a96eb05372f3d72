import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

// A recovery-token folder (issue 11): one expired token with two files, one live token, one orphan.
const CONFIG = `cleanup_on_startup: false
folders:
  - name: recovery
    path: ./recovery
    kind: manifest
`;
const FILES = [
  { path: 'recovery/abc123/in.wav', sizeBytes: 3000, ageDays: 2 },
  { path: 'recovery/abc123/out.wav', sizeBytes: 3000, ageDays: 2 },
  { path: 'recovery/live/in.wav', sizeBytes: 1000, ageDays: 0.5 },
  { path: 'recovery/stray.wav', sizeBytes: 500, ageDays: 3 },
];

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, FILES);
  const hoursAgo = (h: number) => Math.round(Date.now() / 1000 - h * 3600);
  await writeFile(
    join(server.dir, 'recovery', 'recovery_tokens.json'),
    JSON.stringify({
      abc123: {
        created_at: hoursAgo(48),
        expires_at: hoursAgo(5),
        files: ['abc123/in.wav', 'abc123/out.wav'],
      },
      live: { created_at: hoursAgo(12), files: ['live/in.wav'] },
    }),
  );
});
test.afterAll(async () => server.stop());

test('the preview shows recovery tokens as whole units above their files', async ({ page }) => {
  await page.goto(server.link);
  await page.getByRole('button', { name: 'Preview cleanup' }).click();
  const units = page.getByRole('list', { name: 'Units of recovery' });
  await expect(units).toBeVisible();
  await expect(units.getByRole('listitem')).toHaveText([
    'expired: token abc123 · 2 files · 5.9 KB · expired 5 h ago',
    'orphan: orphan stray.wav · 500 B · 3 days old, no token lists it',
  ]);
  await page.getByTestId('preview').screenshot({ path: 'test-results/manifest-units-preview.png' });
});
