// @vitest-environment jsdom
/**
 * The dashboard's schedule box (fake bridge): Stop schedule / Start schedule go through the bridge's
 * stopSchedule; a stopped schedule says so where the next run would be; a folder with its own schedule
 * shows its next run (issue 16 items 1 and 2).
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { connectStore } from '../../renderer/src/api/connect-store.js';
import { createDashboardActions } from '../../renderer/src/api/dashboard-actions.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { createFakeBridge } from './fake-bridge.js';
import { NOW_MS, folderStatus, snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(() => resetStore());
afterEach(cleanup);

function connect(bridge = createFakeBridge({}, 'connected')) {
  connectStore(bridge.client, useDashboard, createDashboardActions(bridge.client, useDashboard));
  return bridge;
}

const STOPPED = 'Schedule stopped — cleanups run only when you ask';

describe('schedule stop and start (fake bridge)', () => {
  it('stops the schedule through the bridge, says so in place of the next run, and starts it again', async () => {
    const user = userEvent.setup();
    const bridge = connect();
    renderWithBridge(<App />, bridge);
    await act(async () => {});
    const schedule = screen.getByTestId('schedule');
    expect(within(schedule).getByTestId('next-run').textContent).not.toContain(STOPPED);
    expect(within(schedule).queryByRole('button', { name: 'Start schedule' })).toBeNull();

    await user.click(within(schedule).getByRole('button', { name: 'Stop schedule' }));
    expect(bridge.calls.stopSchedule).toHaveBeenLastCalledWith({ stopped: true });
    expect(within(schedule).getByTestId('next-run').textContent).toBe(STOPPED);
    expect(within(schedule).queryByRole('button', { name: 'Stop schedule' })).toBeNull();

    bridge.answers.stopSchedule = { ok: true, value: snapshot().schedule };
    await user.click(within(schedule).getByRole('button', { name: 'Start schedule' }));
    expect(bridge.calls.stopSchedule).toHaveBeenLastCalledWith({ stopped: false });
    expect(within(schedule).getByTestId('next-run').textContent).not.toContain(STOPPED);
  });

  it('shows a refusal in words and keeps the schedule as it was', async () => {
    const user = userEvent.setup();
    const bridge = connect();
    bridge.answers.stopSchedule = {
      ok: false,
      code: 'busy',
      message: 'another Headroom owns this data folder',
    };
    renderWithBridge(<App />, bridge);
    await act(async () => {});
    const schedule = screen.getByTestId('schedule');
    await user.click(within(schedule).getByRole('button', { name: 'Stop schedule' }));
    expect(within(schedule).getByRole('alert').textContent).toContain(
      'another Headroom owns this data folder',
    );
    expect(within(schedule).getByTestId('next-run').textContent).not.toContain(STOPPED);
  });

  it("lists each folder with its own schedule and that folder's next run", async () => {
    const rendersNext = new Date(NOW_MS + 15 * 3_600_000).toISOString();
    const base = snapshot([folderStatus(), folderStatus({ name: 'renders' })]);
    const bridge = connect(
      createFakeBridge({
        getSnapshot: {
          ok: true,
          value: {
            ...base,
            schedule: {
              ...base.schedule,
              folders: [
                {
                  name: 'outputs',
                  own: false,
                  intervalHours: 5,
                  at: null,
                  nextRunAt: base.schedule.nextRunAt,
                },
                {
                  name: 'renders',
                  own: true,
                  intervalHours: null,
                  at: { minuteOfDay: 180, weekday: null },
                  nextRunAt: rendersNext,
                },
              ],
            },
          },
        },
      }),
    );
    renderWithBridge(<App />, bridge);
    await act(async () => {});
    const own = within(screen.getByTestId('schedule')).getByTestId('folder-schedules');
    expect(own.textContent).toContain('renders');
    expect(own.textContent).toContain('daily at 03:00');
    expect(own.textContent).not.toContain('outputs');
  });
});
