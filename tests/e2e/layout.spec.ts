/**
 * The dashboard fits every width from a phone to a wide screen: no horizontal scroll of the page with a
 * full history and long folder names and paths, tables scrolling inside their own box, and a bar's fill as
 * wide as its percentage says.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { bridgeCall } from './support/bridge-call.js';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

const LONG = 'stable-diffusion-webui-outputs-txt2img-images-2026-11-30-batch'; // 62 characters
const DEEP = 'a-very-long-folder-name-that-a-tool-made-without-spaces-or-breaks-at-all';
const CONFIG = `cleanup_on_startup: false
folders:
  - name: ${LONG}
    path: ./${DEEP}/${DEEP}/${DEEP}
    max_files: 20
  - name: temp
    path: ./temp
    max_files: 100
`;
// 17 of 20 files: 85%, a warning; temp holds 3 old files for a dry run to list.
const FILES = [
  ...Array.from({ length: 17 }, (_, i) => ({
    path: `${DEEP}/${DEEP}/${DEEP}/take-${i}.wav`,
    sizeBytes: 100,
    ageDays: 1,
  })),
  ...Array.from({ length: 3 }, (_, i) => ({ path: `temp/${DEEP}-${i}.tmp`, sizeBytes: 100, ageDays: 30 })),
];
const WIDTHS = [360, 420, 480, 1024, 1400, 1600];

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, FILES);
  // A history of dry runs (records that remove nothing); serve takes six cleanups a minute.
  for (let i = 0; i < 6; i++) await bridgeCall(server, 'runCleanup', { dryRun: true });
});
test.afterAll(async () => server.stop());

async function pageWidth(page: Page): Promise<{ scroll: number; inner: number }> {
  // A string, so the Node-side type check needs no DOM types.
  return page.evaluate<{ scroll: number; inner: number }>(
    '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })',
  );
}

for (const width of WIDTHS) {
  test(`no horizontal scroll at ${width} px, with an open run's details`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(server.link);
    await expect(page.getByTestId('history-row')).toHaveCount(6, { timeout: 10_000 });
    await page.getByTestId('history-row').first().getByRole('button').click();
    await expect(page.getByTestId('run-details')).toBeVisible();
    const { scroll, inner } = await pageWidth(page);
    expect(scroll, `page ${scroll} px wide in a ${inner} px window`).toBeLessThanOrEqual(inner);
  });
}

test('an 85% bar fills 85% of its track at 420 px', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 800 });
  await page.goto(server.link);
  const meter = page.getByRole('meter', { name: `${LONG} files` });
  await expect(meter).toHaveAttribute('aria-valuenow', '85');
  const track = await meter.boundingBox();
  const fill = await meter.locator('.meter-fill').boundingBox();
  expect(track && fill).toBeTruthy();
  expect(fill!.width / track!.width).toBeCloseTo(0.85, 2);
  // The track lies inside the window: a bar cut off at the edge would look fuller than it is.
  expect(track!.x + track!.width).toBeLessThanOrEqual(420);
});
