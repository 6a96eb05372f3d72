/**
 * The schedule box against a real `headroom serve` (issue 16 items 1 and 2): a folder with its own
 * schedule shows its next run; Stop schedule stops automatic cleanup through the HTTP bridge, the seed
 * API reports it, a reload still shows it stopped, and Start schedule starts it again.
 */
import { expect, test } from '@playwright/test';
import { startHeadroom } from './support/headroom-server.js';
import type { HeadroomServer } from './support/headroom-server.js';

const CONFIG = `cleanup_on_startup: false
folders:
  - name: outputs
    path: ./outputs
    max_files: 100
  - name: renders
    path: ./renders
    max_files: 100
    schedule:
      daily_at: "03:00"
`;
const STOPPED = 'Schedule stopped — cleanups run only when you ask';

let server: HeadroomServer;
test.beforeAll(async () => {
  server = await startHeadroom(CONFIG, [
    { path: 'outputs/a.wav', sizeBytes: 1000, ageDays: 1 },
    { path: 'renders/b.png', sizeBytes: 1000, ageDays: 1 },
  ]);
});
test.afterAll(async () => server.stop());

async function seedStatus(): Promise<{ stopped: boolean; folders: { name: string; own: boolean }[] }> {
  const res = await fetch(new URL('/api/cleanup/schedule/status', server.baseUrl), {
    headers: { Authorization: `Bearer ${server.token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { stopped: boolean; folders: { name: string; own: boolean }[] };
}

test('stop and start the schedule from the dashboard; a folder on its own schedule shows its next run', async ({
  page,
}) => {
  await page.goto(server.link);
  const schedule = page.getByTestId('schedule');
  await expect(schedule.getByTestId('folder-schedules')).toContainText('renders: daily at 03:00, next');
  await expect(schedule.getByTestId('next-run')).not.toHaveText(STOPPED);
  expect((await seedStatus()).folders).toContainEqual(
    expect.objectContaining({ name: 'renders', own: true }),
  );

  await schedule.getByRole('button', { name: 'Stop schedule' }).click();
  await expect(schedule.getByTestId('next-run')).toHaveText(STOPPED);
  expect((await seedStatus()).stopped).toBe(true);

  await page.reload();
  await expect(schedule.getByTestId('next-run')).toHaveText(STOPPED);
  await schedule.getByRole('button', { name: 'Start schedule' }).click();
  await expect(schedule.getByTestId('next-run')).not.toHaveText(STOPPED);
  await expect(schedule.getByRole('button', { name: 'Stop schedule' })).toBeVisible();
  expect((await seedStatus()).stopped).toBe(false);
});
