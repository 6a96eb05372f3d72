import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

// `serve --open` with a stand-in `xdg-open` first on PATH: a real opener process, which records its argv
// (what `ps` shows every local user) instead of starting a browser; Playwright's Chromium opens that link.
test.skip(process.platform !== 'linux', 'the stand-in opener is xdg-open');

let server: HeadroomServer;
let binDir: string;
let argvFile: string;

test.beforeAll(async () => {
  binDir = await mkdtemp(join(tmpdir(), 'headroom-opener-'));
  argvFile = join(binDir, 'argv.txt');
  await writeFile(join(binDir, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${argvFile}'\n`);
  await chmod(join(binDir, 'xdg-open'), 0o755);
  const env = { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}` };
  server = await startHeadroom(
    'cleanup_on_startup: false\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 5\n',
    [{ path: 'outputs/a.wav', sizeBytes: 10, ageDays: 1 }],
    { args: ['--open'], env },
  );
});
test.afterAll(async () => {
  await server.stop();
  await rm(binDir, { recursive: true, force: true });
});

async function openerArgv(): Promise<string[]> {
  await expect.poll(() => readFile(argvFile, 'utf8').catch(() => ''), { timeout: 10_000 }).not.toBe('');
  return (await readFile(argvFile, 'utf8')).trim().split('\n');
}

test('the opener gets a one-time link without the token; it opens the dashboard once', async ({
  browser,
}) => {
  const argv = await openerArgv();
  expect(argv.join(' ')).not.toContain(server.token);
  const link = argv.at(-1)!;
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]{32}$/);

  const first = await browser.newPage();
  await first.goto(link);
  await expect(first.getByTestId('folder-outputs')).toBeVisible();
  await expect(first.getByTestId('connection-banner')).toHaveCount(0);
  // Neither the code nor the token stays in the address bar.
  expect(first.url()).toBe(server.baseUrl);
  await first.reload();
  await expect(first.getByTestId('folder-outputs')).toBeVisible();

  const second = await browser.newPage();
  const again = await second.goto(link);
  expect(again?.status()).toBe(401);
  await expect(second.getByText('already used or has expired')).toBeVisible();
});
