// @vitest-environment jsdom
/**
 * The dashboard shows a name that is not valid UTF-8 (each stray byte held as U+DC80+byte, see
 * shared/byte-names.ts) with `\xNN` escapes in the preview and the run details, never as U+FFFD.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PreviewPanel } from '../../renderer/src/components/preview-panel.js';
import { RunDetails } from '../../renderer/src/components/run-details.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { NOW_MS, runRecord } from './fixtures.js';
import { resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

describe('names that are not UTF-8 in the dashboard', () => {
  it('the preview lists them with \\xNN escapes', () => {
    render(<PreviewPanel place={null} />);
    act(() =>
      useDashboard.getState().setPreview({
        createdAtMs: NOW_MS,
        folders: [
          {
            name: 'temp',
            remove: [{ path: 'd\udcfe/f\udcff.wav', sizeBytes: 10, mtimeMs: NOW_MS, reason: 'age' }],
            bytesToFree: 10,
            files: 1,
            filesOmitted: 0,
            overLimitAfter: false,
            notes: [],
            error: null,
          },
        ],
      }),
    );
    // Grouped by subfolder: the folder's name in the group's heading, the file's under it.
    expect(screen.getByText('d\\xfe/ — 1 file, 10 B')).toBeTruthy();
    expect(screen.getByText('f\\xff.wav')).toBeTruthy();
    expect(screen.getByText('f\\xff.wav').closest('td')?.title).toBe('d\\xfe/f\\xff.wav');
  });

  it('the run details list removed files, skipped files and emptied folders with escapes', () => {
    const [folder] = runRecord().folders;
    render(
      <RunDetails
        run={runRecord({
          folders: [
            {
              ...folder!,
              removed: [{ path: 'd\udcfe/f\udcff.wav', sizeBytes: 10, reason: 'age' }],
              skipped: [{ path: 'g\udcc3.wav', why: 'gone', detail: 'the file no longer exists' }],
              errors: [],
              removedDirs: ['d\udcfe'],
            },
          ],
        })}
      />,
    );
    expect(screen.getByText('d\\xfe/f\\xff.wav (10 B, age)')).toBeTruthy();
    expect(screen.getByText('g\\xc3.wav: gone (the file no longer exists)')).toBeTruthy();
    expect(screen.getByText('d\\xfe')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[\ufffd\udc80-\udcff]/);
  });
});
