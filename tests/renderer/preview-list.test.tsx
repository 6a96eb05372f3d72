// @vitest-environment jsdom
/**
 * A preview a person can read (issue 15 item 4), against the fake bridge: files grouped by subfolder with
 * totals, oldest first, each with its age and date; the folder's before → after figures; a list of 50,000
 * that keeps only a screenful of rows in the page; a card's preview opening in the card with focus there;
 * and the confirmation giving the same numbers.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CleanupPanel } from '../../renderer/src/components/cleanup-panel.js';
import { FolderList } from '../../renderer/src/components/folder-list.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import type { CleanupPreview, FolderPlanView } from '../../shared/types.js';
import { createFakeBridge } from './fake-bridge.js';
import { snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12, 0);

beforeEach(() => {
  resetStore();
  useDashboard.getState().applySnapshot({ ...snapshot(), takenAtMs: NOW });
});
afterEach(cleanup);

function outputsPlan(remove: FolderPlanView['remove'], extra: Partial<FolderPlanView> = {}): FolderPlanView {
  const bytes = remove.reduce((n, f) => n + f.sizeBytes, 0);
  return {
    name: 'outputs',
    remove,
    files: remove.length,
    filesOmitted: 0,
    totals: {
      before: { files: 10, sizeBytes: 10 * 1024, usagePercent: 143 },
      after: { files: 10 - remove.length, sizeBytes: 10 * 1024 - bytes, usagePercent: 71 },
    },
    bytesToFree: bytes,
    overLimitAfter: false,
    notes: [],
    error: null,
    ...extra,
  };
}

const answer = (folders: FolderPlanView[]) => ({
  previewCleanup: { ok: true as const, value: { createdAtMs: NOW, folders } satisfies CleanupPreview },
});

// Given in name order; the plan's reasons and dates say oldest first.
const FIVE: FolderPlanView['remove'] = [
  { path: 'new/b.wav', sizeBytes: 1024, mtimeMs: NOW - 3 * DAY, reason: 'size' },
  { path: 'old/a.wav', sizeBytes: 1024, mtimeMs: NOW - 20 * DAY, reason: 'age' },
  { path: 'old/c.wav', sizeBytes: 2048, mtimeMs: NOW - 12 * DAY, reason: 'age' },
  { path: 'top.wav', sizeBytes: 512, mtimeMs: NOW - 15 * DAY, reason: 'age' },
  { path: 'new/a.wav', sizeBytes: 512, mtimeMs: NOW - 4 * DAY, reason: 'size' },
];

describe('the preview (fake bridge)', () => {
  it('groups files by subfolder with totals, oldest first, each with its age and date, and says before → after', async () => {
    const user = userEvent.setup();
    renderWithBridge(<CleanupPanel />, createFakeBridge(answer([outputsPlan(FIVE)])));
    await user.click(screen.getByRole('button', { name: 'Preview cleanup' }));
    const preview = await screen.findByTestId('preview');
    expect(within(preview).getByTestId('preview-change-outputs').textContent).toBe(
      'outputs: 143% → 71% of its limit, 10 KB → 5 KB, 10 → 5 files',
    );
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual([
      'group',
      'file',
      'file',
      'group',
      'file',
      'group',
      'file',
      'file',
    ]);
    expect(rows[0]!.textContent).toBe('old/ — 2 files, 3 KB');
    expect(rows[1]!.textContent).toMatch(/^a\.wav.*1 KB.*20 days old.*2026-11-10.*age$/);
    expect(rows[2]!.textContent).toMatch(/^c\.wav.*2 KB.*12 days old.*2026-11-18.*age$/);
    expect(rows[3]!.textContent).toBe('(top level) — 1 file, 512 B');
    expect(rows[5]!.textContent).toBe('new/ — 2 files, 1.5 KB');
    expect(rows[6]!.textContent).toMatch(/^a\.wav.*4 days old/);
    expect(rows[7]!.textContent).toMatch(/^b\.wav.*3 days old/);
  });

  it('keeps only a screenful of 50,000 rows in the page, in a box of its own that scrolls', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 50_000 }, (_, i) => ({
      path: `batch${Math.floor(i / 1000)}/f${i}.wav`,
      sizeBytes: 1000,
      mtimeMs: NOW - (60 * DAY - i * 1000),
      reason: 'count' as const,
    }));
    renderWithBridge(
      <CleanupPanel />,
      createFakeBridge(answer([outputsPlan(many, { files: 62_000, filesOmitted: 12_000 })])),
    );
    await user.click(screen.getByRole('button', { name: 'Preview cleanup' }));
    const preview = await screen.findByTestId('preview');
    const box = within(preview).getByTestId('preview-scroll-outputs');
    expect(box.getAttribute('tabindex')).toBe('0');
    expect(within(box).getAllByRole('row').length).toBeLessThan(200);
    // The table announces all its rows although only some are in the page: 50 groups, 50,000 files.
    expect(within(box).getByRole('table').getAttribute('aria-rowcount')).toBe(String(1 + 50 + 50_000));
    expect(within(preview).getByTestId('preview-omitted-outputs').textContent).toBe(
      'The list shows the 50,000 files the cleanup takes first, of 62,000; the figures count all of them.',
    );
    expect(within(preview).getByTestId('preview-total').textContent).toBe(
      'Would remove 62,000 files and free 47.7 MB.',
    );
  });

  it("opens a card's preview in that card and moves focus to it", async () => {
    const user = userEvent.setup();
    renderWithBridge(
      <>
        <FolderList />
        <CleanupPanel />
      </>,
      createFakeBridge(answer([outputsPlan(FIVE)])),
    );
    await user.click(screen.getByRole('button', { name: 'Preview outputs' }));
    const card = screen.getByTestId('folder-outputs');
    const preview = await within(card).findByTestId('preview');
    expect(screen.getAllByTestId('preview')).toHaveLength(1);
    expect(preview.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe('Preview of outputs');
    await user.click(within(preview).getByRole('button', { name: 'Close preview' }));
    expect(screen.queryByTestId('preview')).toBeNull();
  });

  it('states the numbers in the confirmation: files, bytes, and each folder before → after', async () => {
    const user = userEvent.setup();
    renderWithBridge(<CleanupPanel />, createFakeBridge(answer([outputsPlan(FIVE)])));
    await user.click(screen.getByRole('button', { name: 'Clean now' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Clean all folders now?' });
    await within(dialog).findByTestId('confirm-figures');
    expect(within(dialog).getByTestId('confirm-figures').textContent).toBe(
      '5 files, 5 KB, will be removed. ',
    );
    expect(within(dialog).getByTestId('confirm-change-outputs').textContent).toBe(
      'outputs: 143% → 71% of its limit, 10 KB → 5 KB, 10 → 5 files',
    );
  });
});
