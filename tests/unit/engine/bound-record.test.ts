import { describe, expect, it } from 'vitest';
import { boundRecord } from '../../../electron/engine/history/bound-record.js';
import type { FolderRunResult, RunRecord } from '../../../shared/types.js';

function folder(removed: number, skipped: number): FolderRunResult {
  return {
    name: 'temp',
    removed: Array.from({ length: removed }, (_, i) => ({
      path: `f${i}`,
      sizeBytes: 1,
      reason: 'count' as const,
    })),
    skipped: Array.from({ length: skipped }, (_, i) => ({ path: `s${i}`, why: 'changed' as const })),
    errors: [],
    filesRemoved: removed,
    bytesFreed: removed,
    removedDirs: [],
    overLimitAfter: false,
    notes: [],
  };
}

const record = (folders: FolderRunResult[]): RunRecord => ({
  id: 'r',
  trigger: 'manual',
  dryRun: false,
  startedAt: '2026-11-23T00:00:00.000Z',
  finishedAt: '2026-11-23T00:01:00.000Z',
  status: 'completed',
  folders,
  filesRemoved: 0,
  bytesFreed: 0,
});

describe('boundRecord', () => {
  it('keeps the first entries of each long list, says how many it left out, and keeps the totals', () => {
    const bounded = boundRecord(record([folder(25, 3)]), 10);
    const [f] = bounded.folders;
    expect(f?.removed.map((r) => r.path)).toEqual(Array.from({ length: 10 }, (_, i) => `f${i}`));
    expect(f?.skipped).toHaveLength(3);
    expect(f?.omitted).toEqual({ removed: 15, skipped: 0, errors: 0 });
    expect(f?.filesRemoved).toBe(25);
  });

  it('leaves a small run exactly as it was', () => {
    const small = record([folder(2, 1)]);
    expect(boundRecord(small, 10)).toEqual(small);
  });
});
