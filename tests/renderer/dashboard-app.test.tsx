// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { connectStore } from '../../renderer/src/api/connect-store.js';
import { createDashboardActions } from '../../renderer/src/api/dashboard-actions.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { THEME_STORAGE_KEY } from '../../renderer/src/store/ui-slice.js';
import { MS_PER_HOUR } from '../../shared/units.js';
import { createFakeBridge } from './fake-bridge.js';
import { NOW_MS, snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(() => {
  resetStore();
  localStorage.clear();
});
afterEach(cleanup);

function connect(bridge = createFakeBridge({}, 'connecting')) {
  connectStore(bridge.client, useDashboard, createDashboardActions(bridge.client, useDashboard));
  return bridge;
}

describe('dashboard (fake bridge)', () => {
  it('shows loading, then the folders once connected, and a retrying banner when the connection drops', async () => {
    const bridge = connect();
    renderWithBridge(<App />, bridge);
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(screen.getByTestId('connection-banner').textContent).toContain('Connecting');
    await act(async () => bridge.setConnection('connected'));
    expect(screen.getByRole('meter', { name: 'outputs size' })).toBeTruthy();
    expect(screen.queryByTestId('connection-banner')).toBeNull();
    act(() => bridge.setConnection('disconnected'));
    const banner = screen.getByTestId('connection-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('retrying');
    expect(banner.textContent).toContain('may be out of date');
  });

  it('says the link token is wrong or missing when unauthorized', () => {
    const bridge = connect(createFakeBridge({}, 'unauthorized'));
    renderWithBridge(<App />, bridge);
    expect(screen.getByTestId('connection-banner').textContent).toContain('token is wrong or missing');
  });

  it('lists config problems as FILE:LINE:COL: message and warning events', async () => {
    const bridge = connect(createFakeBridge({}, 'connected'));
    renderWithBridge(<App />, bridge);
    await act(async () => {}); // the refetch on connecting
    await act(async () => {
      bridge.emit(
        'snapshot',
        snapshot(undefined, {
          takenAtMs: NOW_MS + 1000,
          configError: {
            file: 'config.yaml',
            usingLastGood: true,
            issues: [
              {
                file: 'config.yaml',
                line: 7,
                col: 16,
                key: 'folders.1.max_files',
                message: 'max_files must be greater than 0',
              },
              {
                file: 'config.yaml',
                line: null,
                col: null,
                key: null,
                message: 'the home folder cannot be managed',
              },
            ],
          },
        }),
      );
      bridge.emit('warning', {
        kind: 'threshold',
        folder: 'outputs',
        level: 'warning',
        usagePercent: 82,
        message: 'outputs holds 4.1 GB of 5 GB (82%)',
        atMs: 0,
      });
    });
    const problem = screen.getByTestId('config-error');
    expect(
      within(problem)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'config.yaml:7:16: max_files must be greater than 0 (folders.1.max_files)',
      'config.yaml: the home folder cannot be managed',
    ]);
    expect(problem.textContent).toContain('last good configuration');
    const recent = screen.getByRole('list', { name: 'Recent warnings' });
    expect(recent.textContent).toContain('outputs holds 4.1 GB of 5 GB (82%)');
    expect(screen.getByRole('list', { name: 'Current warnings' }).textContent).toContain(
      'outputs is near its limit (82%)',
    );
  });

  it('pauses the schedule for an hour and resumes it', async () => {
    const user = userEvent.setup();
    const bridge = connect(createFakeBridge({}, 'connected'));
    renderWithBridge(<App />, bridge);
    await act(async () => {});
    const schedule = screen.getByTestId('schedule');
    const before = Date.now();
    await user.click(within(schedule).getByRole('button', { name: 'Pause 1 hour' }));
    const until = Date.parse((bridge.calls.pauseSchedule.mock.calls[0]?.[0] as { until: string }).until);
    expect(until - before).toBeGreaterThanOrEqual(MS_PER_HOUR);
    expect(until - Date.now()).toBeLessThanOrEqual(MS_PER_HOUR);

    const pausedUntil = new Date(Date.now() + 2 * MS_PER_HOUR).toISOString();
    act(() => useDashboard.getState().applySchedule({ ...snapshot().schedule, pausedUntil }));
    expect(within(schedule).getByTestId('paused-until').textContent).toContain('in 2 h');
    await user.click(within(schedule).getByRole('button', { name: 'Resume' }));
    expect(bridge.calls.pauseSchedule).toHaveBeenLastCalledWith({ until: null });
  });

  it('says scheduled cleanup is off when the interval is off', async () => {
    const bridge = connect(createFakeBridge({}, 'connected'));
    renderWithBridge(<App />, bridge);
    await act(async () => {});
    const off = { ...snapshot().schedule, intervalHours: null, nextRunAt: null };
    act(() => useDashboard.getState().applySchedule(off));
    const schedule = screen.getByTestId('schedule');
    expect(within(schedule).getByTestId('next-run').textContent).toBe('Scheduled cleanup is off');
    expect(within(schedule).queryByText('null h')).toBeNull();
  });

  it('switches theme and remembers the choice', async () => {
    const user = userEvent.setup();
    renderWithBridge(<App />, connect());
    await user.selectOptions(screen.getByLabelText('Theme'), 'dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    await user.selectOptions(screen.getByLabelText('Theme'), 'system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
