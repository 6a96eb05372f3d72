/** A run record as `history.begin` writes it: running, nothing removed yet. */
import type { RunRecord } from '../../shared/types.js';

export function runningRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: '20261123T051200Z-3f9a1c',
    trigger: 'manual',
    dryRun: false,
    startedAt: '2026-11-23T05:12:00.000Z',
    finishedAt: null,
    status: 'running',
    folders: [],
    filesRemoved: 0,
    bytesFreed: 0,
    ...overrides,
  };
}
