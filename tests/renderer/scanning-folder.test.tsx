// @vitest-environment jsdom
/**
 * A folder still in its first scan (issue 17 item 1): its card says what has been counted so far, shows no
 * gauge (a 0% would pretend to be a level), and offers neither Preview nor Clean until the totals come.
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderList } from '../../renderer/src/components/folder-list.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import type { FolderStatus } from '../../shared/types.js';
import { folderStatus, snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

const scanning = (progress: unknown): FolderStatus =>
  folderStatus({
    sizeBytes: 0,
    fileCount: 0,
    usagePercent: 0,
    level: 'ok',
    scanning: progress as FolderStatus['scanning'],
  });

describe('a folder in its first scan (fake bridge)', () => {
  it('says what it counted, with no gauge and no actions, then fills in', () => {
    useDashboard
      .getState()
      .applySnapshot(snapshot([scanning({ filesSoFar: 12_340, bytesSoFar: 5 * 1024 ** 2 })]));
    renderWithBridge(<FolderList />);
    const card = screen.getByTestId('folder-outputs');
    expect(within(card).getByRole('status').textContent).toBe('Scanning… 12,340 files so far (5 MB)');
    expect(within(card).queryByRole('meter')).toBeNull();
    expect(within(card).queryByText('0%')).toBeNull();
    expect(within(card).getByRole('button', { name: 'Clean outputs' }).hasAttribute('disabled')).toBe(true);
    expect(within(card).getByRole('button', { name: 'Preview outputs' }).hasAttribute('disabled')).toBe(true);

    act(() => useDashboard.getState().applySnapshot(snapshot([folderStatus()])));
    const measured = screen.getByTestId('folder-outputs');
    expect(within(measured).queryByTestId('folder-scanning')).toBeNull();
    expect(within(measured).getAllByRole('meter').length).toBeGreaterThan(0);
    expect(within(measured).getByRole('button', { name: 'Clean outputs' }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it('still says scanning when the progress it was sent is malformed (the schema refuses it)', () => {
    useDashboard.getState().applySnapshot(snapshot([scanning({ filesSoFar: -3, bytesSoFar: 'lots' })]));
    renderWithBridge(<FolderList />);
    const card = screen.getByTestId('folder-outputs');
    expect(within(card).getByRole('status').textContent).toBe('Scanning… 0 files so far (0 B)');
    expect(within(card).queryByRole('meter')).toBeNull();
  });
});
