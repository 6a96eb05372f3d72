// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryTable } from '../../renderer/src/components/history-table.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { runRecord } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

describe('cleanup history', () => {
  it('lists runs with trigger, status, freed and error count', () => {
    useDashboard.getState().setHistory({
      runs: [
        runRecord(),
        runRecord({
          id: 'run-2',
          trigger: 'schedule',
          status: 'completed',
          folders: [],
          bytesFreed: 0,
          filesRemoved: 0,
        }),
      ],
      damagedLines: 1,
    });
    renderWithBridge(<HistoryTable />);
    const table = screen.getByRole('table', { name: 'Cleanup history' });
    const rows = within(table).getAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('manual');
    expect(rows[0]?.textContent).toContain('completed with errors');
    expect(rows[0]?.textContent).toContain('5 MB');
    expect(rows[1]?.textContent).toContain('schedule');
    expect(screen.getByText(/1 damaged history lines were skipped/)).toBeTruthy();
  });

  it('expands a run to the files removed, skipped with why, and errors, and collapses it again', async () => {
    const user = userEvent.setup();
    useDashboard.getState().setHistory({ runs: [runRecord()], damagedLines: 0 });
    renderWithBridge(<HistoryTable />);
    expect(screen.queryByTestId('run-details')).toBeNull();

    const toggle = screen.getByRole('button', { name: /Details of the manual run/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const details = screen.getByTestId('run-details');
    expect(details.closest('td')?.id).toBe(toggle.getAttribute('aria-controls'));
    const removed = within(details).getByRole('list', { name: 'Removed' });
    expect(
      within(removed)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['old/take-001.wav (2 MB, size)', 'take-002.wav (3 MB, age)']);
    expect(within(details).getByRole('list', { name: 'Skipped' }).textContent).toContain(
      'take-003.wav: changed (size changed from 10 B to 12 B after planning)',
    );
    expect(within(details).getByRole('list', { name: 'Errors' }).textContent).toContain('locked.wav: EBUSY');

    await user.click(toggle);
    expect(screen.queryByTestId('run-details')).toBeNull();
  });

  it('says so when there are no runs yet, and while loading', () => {
    const view = renderWithBridge(<HistoryTable />);
    expect(screen.getByRole('status').textContent).toContain('Loading history');
    view.unmount();
    useDashboard.getState().setHistory({ runs: [], damagedLines: 0 });
    renderWithBridge(<HistoryTable />);
    expect(screen.getByText('No cleanups yet.')).toBeTruthy();
  });
});

describe('run details in full (issue 12)', () => {
  it("uses the record's totals and says how many of them are listed", async () => {
    const removed = Array.from({ length: 50 }, (_, i) => ({
      path: `take-${i}.wav`,
      sizeBytes: 1024,
      reason: 'size' as const,
    }));
    const skipped = Array.from({ length: 50 }, (_, i) => ({
      path: `kept-${i}.wav`,
      why: 'cancelled' as const,
    }));
    const run = runRecord({
      status: 'cancelled',
      filesRemoved: 9357,
      folders: [
        {
          name: 'cache',
          removed,
          skipped,
          errors: [],
          filesRemoved: 9357,
          bytesFreed: 9357 * 1024,
          removedDirs: [],
          overLimitAfter: false,
          notes: [],
          omitted: { removed: 9307, skipped: 40593, errors: 0 },
        },
      ],
    });
    useDashboard.getState().setHistory({ runs: [run], damagedLines: 0 });
    const user = userEvent.setup();
    renderWithBridge(<HistoryTable />);
    await user.click(screen.getByRole('button', { name: /^Details of the manual run/ }));
    const details = screen.getByTestId('run-details');
    expect(details.textContent).toContain('Removed (9,357)');
    expect(details.textContent).toContain('First 50 of 9,357 shown.');
    expect(details.textContent).toContain('Skipped (40,643)');
    expect(details.textContent).toContain('First 50 of 40,643 shown.');
  });

  it('marks a dry run as one, in the row and in its details', async () => {
    useDashboard.getState().setHistory({ runs: [runRecord({ dryRun: true })], damagedLines: 0 });
    const user = userEvent.setup();
    renderWithBridge(<HistoryTable />);
    expect(screen.getByTestId('history-row').textContent).toContain('dry run');
    await user.click(screen.getByRole('button', { name: /^Details of the manual dry run/ }));
    expect(screen.getByTestId('run-details').textContent).toContain(
      'Dry run: nothing was removed; the lists show what a cleanup would have removed.',
    );
  });
});
