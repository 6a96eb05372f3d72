// @vitest-environment jsdom
/**
 * The dashboard shows whole units (recovery tokens, revisions) in the preview and the run details, the way
 * the CLI does: "token abc123 · 3 files · 12 MB · expired 5 h ago" (issue 11).
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

const LABEL = 'token abc123 · 2 files · 12 MB · expired 5 h ago';

describe('units in the dashboard', () => {
  it('the preview lists each unit with its label and how many files go with it', () => {
    render(<PreviewPanel place={null} />);
    act(() =>
      useDashboard.getState().setPreview({
        createdAtMs: NOW_MS,
        folders: [
          {
            name: 'recovery',
            remove: [
              { path: 'abc123/1.wav', sizeBytes: 6, mtimeMs: NOW_MS, reason: 'expired' },
              { path: 'abc123/2.wav', sizeBytes: 6, mtimeMs: NOW_MS, reason: 'expired' },
            ],
            bytesToFree: 12,
            files: 2,
            filesOmitted: 0,
            overLimitAfter: false,
            notes: [],
            error: null,
            units: [
              {
                id: 'token:abc123',
                label: LABEL,
                reason: 'expired',
                sizeBytes: 12,
                lastUsedMs: NOW_MS,
                files: ['abc123/1.wav', 'abc123/2.wav'],
              },
            ],
          },
        ],
      }),
    );
    const units = screen.getByRole('list', { name: 'Units of recovery' });
    expect(units.textContent).toContain(`expired: ${LABEL}`);
  });

  it('the run details say what became of each unit', () => {
    const [folder] = runRecord().folders;
    render(
      <RunDetails
        run={runRecord({
          folders: [
            {
              ...folder!,
              units: [
                { id: 'token:abc123', label: LABEL, reason: 'expired', sizeBytes: 12, outcome: 'removed' },
                {
                  id: 'token:def',
                  label: 'token def · 1 file · 1 KB · expired 2 h ago',
                  reason: 'expired',
                  sizeBytes: 1024,
                  outcome: 'kept',
                  detail: 'd.wav remains; the token stays in the token file',
                },
              ],
            },
          ],
        })}
      />,
    );
    expect(screen.getByText(`removed: ${LABEL}`)).toBeTruthy();
    expect(
      screen.getByText(
        'kept: token def · 1 file · 1 KB · expired 2 h ago (d.wav remains; the token stays in the token file)',
      ),
    ).toBeTruthy();
  });
});
