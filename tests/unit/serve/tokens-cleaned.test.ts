/**
 * Issue 16 item 4: `GET /api/cleanup/metrics` carries `tokens_cleaned` for manifest folders, counted
 * across runs in the cumulative totals (a token is a manifest folder's unit; only units removed whole count).
 */
import { describe, expect, it } from 'vitest';
import { addRun, emptyTotals } from '../../../electron/engine/history/cleanup-totals.js';
import { metricsView } from '../../../electron/headless/serve/cleanup-api-views.js';
import type { FolderRunResult, UnitOutcome } from '../../../shared/types.js';
import { configView, folderStatus, runRecord, snapshot } from '../../renderer/fixtures.js';

const unit = (id: string, outcome: UnitOutcome['outcome']): UnitOutcome => ({
  id,
  label: id,
  reason: 'age',
  sizeBytes: 10,
  outcome,
});

function tokensRun(units: UnitOutcome[]) {
  const folder: FolderRunResult = {
    name: 'tokens',
    removed: [],
    skipped: [],
    errors: [],
    filesRemoved: units.length,
    bytesFreed: 10 * units.length,
    removedDirs: [],
    overLimitAfter: false,
    notes: [],
    units,
  };
  return runRecord({ folders: [folder], filesRemoved: units.length, bytesFreed: 10 * units.length });
}

describe('tokens_cleaned', () => {
  it('counts the tokens removed whole, across runs, for manifest folders only', () => {
    const totals = [
      tokensRun([unit('a', 'removed'), unit('b', 'kept')]),
      tokensRun([unit('c', 'removed'), unit('d', 'removed'), unit('e', 'partly-removed')]),
    ].reduce(addRun, emptyTotals());
    const base = configView();
    const config = configView({
      folders: [...base.folders, { name: 'tokens', path: './tokens', kind: 'manifest', retention_hours: 24 }],
    });
    const snap = snapshot([folderStatus(), folderStatus({ name: 'tokens' })]);
    const view = metricsView(totals, snap, config);
    expect(view.tokens_cleaned).toBe(3);
    expect(view.folders.tokens).toMatchObject({ tokens_cleaned: 3, retention_hours: 24 });
    expect(view.folders.outputs).not.toHaveProperty('tokens_cleaned');
  });

  it('is absent when no folder is a manifest folder', () => {
    const view = metricsView(emptyTotals(), snapshot(), configView());
    expect(view).not.toHaveProperty('tokens_cleaned');
  });
});
