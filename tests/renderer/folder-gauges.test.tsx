// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderList } from '../../renderer/src/components/folder-list.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { BYTES_PER_GB, MS_PER_DAY } from '../../shared/units.js';
import { configView, folderStatus, NOW_MS, snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

function show(...folders: Parameters<typeof folderStatus>[0][]) {
  useDashboard.getState().applySnapshot(snapshot(folders.map((f) => folderStatus(f))));
  return renderWithBridge(<FolderList />);
}

describe('folder gauges', () => {
  it('shows a meter per limit with absolute numbers, percent, level and aria values', () => {
    show({});
    const size = screen.getByRole('meter', { name: 'outputs size' });
    expect(size.getAttribute('aria-valuenow')).toEqual('82');
    expect(size.getAttribute('aria-valuemin')).toEqual('0');
    expect(size.getAttribute('aria-valuemax')).toEqual('100');
    expect(size.getAttribute('aria-valuetext')).toEqual('4.1 GB of 5 GB (82%)');
    expect([...size.classList]).toContain('level-warning');

    const files = screen.getByRole('meter', { name: 'outputs files' });
    expect(files.getAttribute('aria-valuetext')).toEqual('150 of 200 files (75%)');
    expect([...files.classList]).toContain('level-ok');

    // An age limit is a policy, not a gauge: it never colours the folder.
    expect(screen.queryByRole('meter', { name: 'outputs age' })).toBeNull();
    const card = screen.getByTestId('folder-outputs');
    expect(within(card).getByTestId('age-policy').textContent).toBe(
      'None past 7 days (the oldest is 3 days old).',
    );
    expect(card.textContent).toContain('4.1 GB of 5 GB');
    expect(card.textContent).toContain('82%');
  });

  it('shows only the limits a folder has, and clamps aria-valuenow of a folder over its limit', () => {
    show({
      name: 'temp',
      sizeBytes: 6 * BYTES_PER_GB,
      limits: { maxSizeBytes: 5 * BYTES_PER_GB, maxFiles: null, maxAgeDays: null },
      usage: { size: 120, count: null, age: null },
      usagePercent: 120,
      level: 'over',
    });
    expect(screen.getAllByRole('meter')).toHaveLength(1);
    const size = screen.getByRole('meter', { name: 'temp size' });
    expect(size.getAttribute('aria-valuenow')).toEqual('100');
    expect(size.getAttribute('aria-valuetext')).toEqual('6 GB of 5 GB (120%)');
    expect([...size.classList]).toContain('level-over');
    expect(screen.getByTestId('forecast').textContent).toContain('over its size limit');
  });

  it('shows the files past the age limit as what the next run removes, not as a warning', () => {
    show({ filesPastMaxAge: 12, oldestMtimeMs: NOW_MS - 9 * MS_PER_DAY });
    expect(screen.getByTestId('age-policy').textContent).toBe(
      '12 files past 7 days, removed at the next run.',
    );
    cleanup();
    show({ filesPastMaxAge: 1, oldestMtimeMs: NOW_MS - 9 * MS_PER_DAY });
    expect(screen.getByTestId('age-policy').textContent).toBe('1 file past 7 days, removed at the next run.');
  });

  it('says why a folder is still over after an emergency cleanup, and when the next attempt comes', () => {
    const reason = 'size: 6 GB would remain over the 5 GB limit; 1 GB is younger than 10 min';
    show({ usagePercent: 120, level: 'over', emergency: { reason, nextAttemptAtMs: NOW_MS + 8 * 60_000 } });
    const text = screen.getByTestId('folder-emergency').textContent ?? '';
    expect(text).toMatch(
      /^Still over its emergency threshold: size: 6 GB would remain over the 5 GB limit; 1 GB is younger than 10 min\. Next attempt in 8 min \(.+\)\.$/,
    );
    cleanup();
    show({
      usagePercent: 120,
      level: 'over',
      emergency: { reason: '6 GB is protected', nextAttemptAtMs: null },
    });
    expect(screen.getByTestId('folder-emergency').textContent).toBe(
      'Still over its emergency threshold: 6 GB is protected. Not retried by itself: it is cleaned again when it next crosses the threshold, or with Clean.',
    );
    cleanup();
    show({});
    expect(screen.queryByTestId('folder-emergency')).toBeNull();
  });

  it('uses the configured warning threshold for each gauge level', () => {
    show({});
    expect([...screen.getByRole('meter', { name: 'outputs files' }).classList]).toContain('level-ok');
    cleanup();
    const base = configView();
    useDashboard
      .getState()
      .setConfig({ ...base, settings: { ...base.settings, warning_threshold_percent: 70 } });
    renderWithBridge(<FolderList />);
    expect([...screen.getByRole('meter', { name: 'outputs files' }).classList]).toContain('level-warning');
  });

  it('says when a folder is polled (with the reason), its free disk space and its forecast', () => {
    show({ watch: { mode: 'polling', reason: 'network drive' }, fullInMs: 2 * MS_PER_DAY });
    const card = screen.getByTestId('folder-outputs');
    expect(within(card).getByTestId('watch-mode').textContent).toContain(
      'rescanned every 60 s (polling: network drive)',
    );
    expect(card.textContent).toContain('120 GB free of 500 GB');
    expect(within(card).getByTestId('forecast').textContent).toContain('full in about 2 days');
  });

  it('shows a missing folder and a folder that cannot be read', () => {
    show(
      {
        name: 'gone',
        exists: false,
        sizeBytes: 0,
        fileCount: 0,
        oldestMtimeMs: null,
        usagePercent: 0,
        level: 'ok',
      },
      { name: 'locked', error: 'Permission denied reading locked: check its owner.' },
    );
    expect(within(screen.getByTestId('folder-gone')).getByTestId('folder-missing').textContent).toContain(
      'Folder not found',
    );
    expect(within(screen.getByTestId('folder-gone')).getByTestId('age-policy').textContent).toBe(
      'None past 7 days.',
    );
    expect(within(screen.getByTestId('folder-locked')).getByRole('alert').textContent).toContain(
      'Permission denied',
    );
  });

  it('shows the empty state when the config lists no folders', () => {
    useDashboard.getState().applySnapshot(snapshot([]));
    renderWithBridge(<FolderList />);
    expect(screen.getByTestId('no-folders').textContent).toContain('No folders yet');
  });

  it('draws a sparkline from the snapshots kept in the store', () => {
    for (let i = 0; i < 4; i++) {
      useDashboard
        .getState()
        .applySnapshot(
          snapshot([folderStatus({ usagePercent: 40 + i * 10 })], { takenAtMs: NOW_MS + i * 60_000 }),
        );
    }
    renderWithBridge(<FolderList />);
    const line = screen.getByRole('img', { name: /outputs usage over the last 3 min: 40% to 70%/ });
    expect(line.getAttribute('data-points')).toEqual('4');
    expect(line.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(4);
  });
});
