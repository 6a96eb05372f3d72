/**
 * Run records as a big cleanup leaves them in history: two folders, each with `perList` entries in every
 * per-file list (bound-record.ts keeps up to 50), notes and `omitted` counts.
 */
import type { FolderRunResult, RunRecord, RunStatus } from '../../../../shared/types.js';

const T0 = Date.UTC(2025, 6, 1, 10, 0, 0);

/** A run started `minute` minutes after T0, with full per-file lists unless it is still running. */
export function detailedRun(
  id: string,
  minute: number,
  status: RunStatus = 'completed',
  perList = 50,
): RunRecord {
  const ended = status !== 'running';
  const folders = ended ? ['outputs', 'renders'].map((name) => detailedFolder(id, name, perList)) : [];
  return {
    id,
    trigger: 'schedule',
    dryRun: false,
    startedAt: new Date(T0 + minute * 60_000).toISOString(),
    finishedAt: ended ? new Date(T0 + minute * 60_000 + 5_000).toISOString() : null,
    status,
    folders,
    filesRemoved: folders.reduce((sum, f) => sum + f.filesRemoved, 0),
    bytesFreed: folders.reduce((sum, f) => sum + f.bytesFreed, 0),
  };
}

function detailedFolder(id: string, name: string, perList: number): FolderRunResult {
  const range = Array.from({ length: perList }, (_, i) => i);
  return {
    name,
    removed: range.map((i) => ({ path: `${id}/${name}/take-${i}.wav`, sizeBytes: 1000 + i, reason: 'age' })),
    skipped: range.map((i) => ({
      path: `${id}/${name}/open-${i}.tmp`,
      why: 'too-young',
      detail: `written ${i} s ago`,
    })),
    errors: range.map((i) => ({
      path: `${id}/${name}/locked-${i}.bin`,
      code: 'EBUSY',
      message: 'resource busy or locked',
    })),
    filesRemoved: perList + 7,
    bytesFreed: range.reduce((sum, i) => sum + 1000 + i, 0) + 7000,
    removedDirs: [`${id}/${name}/empty`],
    overLimitAfter: false,
    notes: [`${name} was over its size limit`],
    omitted: { removed: 7, skipped: 0, errors: 0 },
  };
}
