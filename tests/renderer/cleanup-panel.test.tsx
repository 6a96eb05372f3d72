// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectStore } from '../../renderer/src/api/connect-store.js';
import { createDashboardActions } from '../../renderer/src/api/dashboard-actions.js';
import { CleanupPanel } from '../../renderer/src/components/cleanup-panel.js';
import { FolderList } from '../../renderer/src/components/folder-list.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import type { RunRecord } from '../../shared/types.js';
import { createFakeBridge } from './fake-bridge.js';
import { runRecord, snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(() => {
  resetStore();
  useDashboard.getState().applySnapshot(snapshot());
});
afterEach(cleanup);

describe('cleanup panel (fake bridge)', () => {
  it('asks for confirmation before cleaning; Cancel and Escape clean nothing', async () => {
    const user = userEvent.setup();
    const { bridge } = renderWithBridge(<CleanupPanel />);
    await user.click(screen.getByRole('button', { name: 'Clean now' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Clean all folders now?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Confirm cleanup' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clean now' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.calls.runCleanup).not.toHaveBeenCalled();
  });

  it('cleans one folder from its card, shows progress from events, then the result summary', async () => {
    const user = userEvent.setup();
    let finish: (record: { ok: true; value: RunRecord }) => void = () => {};
    const bridge = createFakeBridge();
    bridge.calls.runCleanup.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    connectStore(bridge.client, useDashboard, createDashboardActions(bridge.client, useDashboard));
    renderWithBridge(
      <>
        <FolderList />
        <CleanupPanel />
      </>,
      bridge,
    );
    await user.click(screen.getByRole('button', { name: 'Clean outputs' }));
    expect(screen.getByRole('alertdialog', { name: 'Clean outputs now?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Confirm cleanup' }));
    expect(bridge.calls.runCleanup).toHaveBeenCalledWith({ folders: ['outputs'] });
    expect((screen.getByRole('button', { name: 'Clean now' }) as HTMLButtonElement).disabled).toBe(true);

    act(() => {
      bridge.emit('cleanupStarted', { runId: 'run-1', trigger: 'manual', folders: ['outputs'] });
      bridge.emit('cleanupProgress', {
        runId: 'run-1',
        folder: 'outputs',
        filesDone: 4,
        filesTotal: 10,
        bytesFreed: 3 * 1024 ** 2,
      });
    });
    const progress = screen.getByTestId('cleanup-progress');
    expect(progress.textContent).toContain('4 of 10 files, 3 MB freed');
    expect(
      within(progress).getByRole('progressbar', { name: 'outputs cleanup progress' }).getAttribute('value'),
    ).toBe('4');

    await act(async () => finish({ ok: true, value: runRecord() }));
    const result = screen.getByTestId('cleanup-result');
    expect(result.textContent).toContain('freed 5 MB, removed 2 files, skipped 1, 1 errors');
    expect(screen.queryByTestId('cleanup-progress')).toBeNull();
  });

  it('shows why a cleanup did not run', async () => {
    const user = userEvent.setup();
    const bridge = createFakeBridge({
      runCleanup: { ok: false, code: 'busy', message: 'A cleanup is already running.' },
    });
    renderWithBridge(<CleanupPanel />, bridge);
    await user.click(screen.getByRole('button', { name: 'Clean now' }));
    await user.click(screen.getByRole('button', { name: 'Confirm cleanup' }));
    expect((await screen.findByTestId('cleanup-error')).textContent).toContain(
      'A cleanup is already running.',
    );
  });

  it('previews the files a cleanup would remove, with reasons, totals and notes', async () => {
    const user = userEvent.setup();
    const bridge = createFakeBridge({
      previewCleanup: {
        ok: true,
        value: {
          createdAtMs: 0,
          folders: [
            {
              name: 'outputs',
              remove: [
                { path: 'a.wav', sizeBytes: 1024 ** 2, mtimeMs: 0, reason: 'age' },
                { path: 'b.wav', sizeBytes: 2 * 1024 ** 2, mtimeMs: 1, reason: 'size' },
              ],
              bytesToFree: 3 * 1024 ** 2,
              files: 2,
              filesOmitted: 0,
              overLimitAfter: true,
              notes: ['protected files keep outputs over its size limit'],
              error: null,
            },
          ],
        },
      },
    });
    renderWithBridge(<CleanupPanel />, bridge);
    await user.click(screen.getByRole('button', { name: 'Preview cleanup' }));
    expect(bridge.calls.previewCleanup).toHaveBeenCalledWith({});
    const preview = await screen.findByTestId('preview');
    expect(within(preview).getByTestId('preview-total').textContent).toBe(
      'Would remove 2 files and free 3 MB.',
    );
    const rows = within(preview)
      .getAllByRole('row')
      .filter((r) => r.dataset.kind === 'file');
    const cells = (r: HTMLElement) => [...r.querySelectorAll('td')].map((td) => td.textContent);
    expect(rows.map((r) => [cells(r)[0], cells(r)[1], cells(r)[4]])).toEqual([
      ['a.wav', '1 MB', 'age'],
      ['b.wav', '2 MB', 'size'],
    ]);
    expect(preview.textContent).toContain('protected files keep outputs over its size limit');
    await user.click(screen.getByRole('button', { name: 'Close preview' }));
    expect(screen.queryByTestId('preview')).toBeNull();
  });

  it('says there is nothing to clean instead of asking, when the preview finds nothing to remove', async () => {
    const user = userEvent.setup();
    const { bridge } = renderWithBridge(
      <CleanupPanel />,
      createFakeBridge({ previewCleanup: { ok: true, value: { createdAtMs: 0, folders: [] } } }),
    );
    await user.click(screen.getByRole('button', { name: 'Clean now' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Nothing to clean in all folders' });
    expect(within(dialog).queryByRole('button', { name: 'Confirm cleanup' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(bridge.calls.runCleanup).not.toHaveBeenCalled();
  });

  it('gives the figures of what the cleanup would remove before asking', async () => {
    const user = userEvent.setup();
    renderWithBridge(<CleanupPanel />);
    await user.click(screen.getByRole('button', { name: 'Clean now' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Clean all folders now?' });
    expect((await within(dialog).findByTestId('confirm-figures')).textContent).toBe(
      '1 file, 1 MB, will be removed. ',
    );
  });
});
