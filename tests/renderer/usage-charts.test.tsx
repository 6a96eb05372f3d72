// @vitest-environment jsdom
/**
 * The kept-data views (issue 15 items 2, 3): each chart's accessible name begins with its title and its
 * numbers are in a table the keyboard reaches; what takes space lists a folder's subfolders, types and
 * files, with "Show in folder" only in the desktop app. The engine is a fake bridge (the renderer's port).
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpacePanel } from '../../renderer/src/components/space-panel.js';
import { UsageCharts } from '../../renderer/src/components/usage-charts.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import type { BridgeClient } from '../../renderer/src/api/bridge-client-types.js';
import type { UsageHistory } from '../../shared/usage-history.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../shared/units.js';
import { createFakeBridge } from './fake-bridge.js';
import { folderStatus, NOW_MS, snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

const MB = 1024 ** 2;
const GB = 1024 ** 3;

function usage(): UsageHistory {
  const point = (hoursAgo: number, sizeBytes: number, freedBytes = 0) => ({
    atMs: NOW_MS - hoursAgo * MS_PER_HOUR,
    sizeBytes,
    fileCount: Math.round(sizeBytes / MB),
    freedBytes,
  });
  return {
    freedDays: 30,
    folders: [
      {
        name: 'outputs',
        stepMs: MS_PER_HOUR,
        points: [point(30, 3 * GB), point(20, 4.5 * GB), point(19, 2 * GB, 2.5 * GB), point(1, 4 * GB)],
        freed: [
          { atMs: NOW_MS - 19 * MS_PER_HOUR, bytes: 2.5 * GB },
          { atMs: NOW_MS - 40 * MS_PER_DAY, bytes: 9 * GB },
        ],
      },
      {
        name: 'temp',
        stepMs: MS_PER_HOUR,
        points: [point(2, 10 * MB), point(1, 12 * MB)],
        freed: [{ atMs: NOW_MS - 3 * MS_PER_DAY, bytes: 500 * MB }],
      },
    ],
  };
}

function withData() {
  useDashboard.getState().applySnapshot(
    snapshot([
      folderStatus(),
      folderStatus({
        name: 'temp',
        sizeBytes: 12 * MB,
        limits: { maxSizeBytes: null, maxFiles: 200, maxAgeDays: 7 },
        fullInMs: null,
      }),
    ]),
  );
  return createFakeBridge({ getUsageHistory: { ok: true, value: usage() } });
}

describe('usage over time', () => {
  it('draws each folder with its limit, the cleanups marked and the forecast dashed, named by its title', async () => {
    renderWithBridge(<UsageCharts nowMs={NOW_MS} />, withData());
    const chart = await screen.findByRole('img', { name: /^Usage over time — outputs/ });
    expect(chart.getAttribute('aria-label')).toMatch(/4.1 GB of 5 GB now/);
    expect(within(chart).getAllByTestId('cleanup-mark')).toHaveLength(1);
    expect(within(chart).getByTestId('limit-line')).toBeTruthy();
    expect(within(chart).getByTestId('forecast-line').getAttribute('stroke-dasharray')).toBeTruthy();
    // temp has a count limit only: its chart draws the file count against it, and no forecast.
    const temp = screen.getByRole('img', { name: /^Usage over time — temp/ });
    expect(within(temp).queryByTestId('forecast-line')).toBeNull();
    expect(temp.getAttribute('aria-label')).toMatch(/files/);
  });

  it('puts each chart’s numbers in a table the keyboard reaches', async () => {
    renderWithBridge(<UsageCharts nowMs={NOW_MS} />, withData());
    await screen.findByRole('img', { name: /^Usage over time — outputs/ });
    const user = userEvent.setup();
    const summary = screen.getByText('Usage over time — outputs, as a table');
    // The summary is reached with Tab and opened with Enter, like any disclosure.
    while (document.activeElement !== summary) await user.tab();
    await user.keyboard('{Enter}');
    const table = screen.getByRole('table', { name: 'Usage over time — outputs' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[2]!.textContent).toMatch(/2 GB.*2\.5 GB freed/);
  });

  it('shows space freed per day with the last 30 days’ total, and its table', async () => {
    renderWithBridge(<UsageCharts nowMs={NOW_MS} />, withData());
    const chart = await screen.findByRole('img', { name: /^Space freed per day/ });
    // 2.5 GB today-ish and 500 MB three days ago; the 9 GB of 40 days ago is outside the 30 days.
    expect(screen.getByTestId('freed-total').textContent).toBe('Freed in the last 30 days: 3 GB');
    expect(chart.getAttribute('aria-label')).toMatch(/3 GB in the last 30 days/);
    const table = screen.getByRole('table', { name: 'Space freed per day' });
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(2);
  });

  it('says so when nothing is kept yet, instead of an empty chart', async () => {
    useDashboard.getState().applySnapshot(snapshot());
    renderWithBridge(<UsageCharts nowMs={NOW_MS} />);
    expect(await screen.findByText(/outputs: no usage recorded yet/)).toBeTruthy();
    expect(screen.getByTestId('freed-total').textContent).toBe('Freed in the last 30 days: 0 B');
  });
});

describe('what takes space', () => {
  const breakdown = {
    folder: 'outputs',
    sizeBytes: 20_000,
    fileCount: 3,
    subfolders: [
      { label: 'voices', sizeBytes: 15_000, fileCount: 2 },
      { label: '', sizeBytes: 5000, fileCount: 1 },
    ],
    types: [{ label: '.wav', sizeBytes: 20_000, fileCount: 3 }],
    biggest: [{ label: 'voices/take.wav', sizeBytes: 9000, fileCount: 1, mtimeMs: NOW_MS - MS_PER_DAY }],
    oldest: [{ label: 'old.wav', sizeBytes: 5000, fileCount: 1, mtimeMs: NOW_MS - 9 * MS_PER_DAY }],
  };

  function electronBridge() {
    const bridge = createFakeBridge({ getSpaceBreakdown: { ok: true, value: breakdown } });
    return { ...bridge, client: { ...bridge.client, transport: 'electron' } as BridgeClient };
  }

  it('lists subfolders, types, the biggest and oldest files, named "What takes space — <folder>"', async () => {
    useDashboard.getState().applySnapshot(snapshot());
    const { bridge } = renderWithBridge(<SpacePanel nowMs={NOW_MS} />, electronBridge());
    const panel = await screen.findByRole('region', { name: 'What takes space — outputs' });
    await waitFor(() => expect(within(panel).getByText('voices/take.wav')).toBeTruthy());
    expect(within(panel).getByText('(files directly in outputs)')).toBeTruthy();
    expect(within(panel).getByText('.wav')).toBeTruthy();
    expect(bridge.calls.getSpaceBreakdown).toHaveBeenCalledWith({ folder: 'outputs' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Show voices/take.wav in folder' }));
    expect(bridge.calls.showInFolder).toHaveBeenCalledWith({ folder: 'outputs', path: 'voices/take.wav' });
  });

  it('has no "Show in folder" in the browser dashboard', async () => {
    useDashboard.getState().applySnapshot(snapshot());
    renderWithBridge(
      <SpacePanel nowMs={NOW_MS} />,
      createFakeBridge({ getSpaceBreakdown: { ok: true, value: breakdown } }),
    );
    const panel = await screen.findByRole('region', { name: 'What takes space — outputs' });
    await waitFor(() => expect(within(panel).getByText('voices/take.wav')).toBeTruthy());
    expect(within(panel).queryByRole('button', { name: /in folder/ })).toBeNull();
  });
});
