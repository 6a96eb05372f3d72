/**
 * History keeps every run, but not every file of a big one: a run that removed 1.7 million temp files
 * would otherwise write a line of ~100 MB, and every page of the dashboard's history reads those lines
 * back. Each per-file list keeps its first entries; `omitted` says how many were left out and the totals
 * stay exact. `clean --json` and the cleanupFinished event still carry the whole run.
 */
import type { FolderRunResult, RunRecord } from '../../../shared/types.js';

/** Entries kept per list and folder in a history record. */
export const MAX_LISTED_PER_FOLDER = 50;

export function boundRecord(record: RunRecord, max = MAX_LISTED_PER_FOLDER): RunRecord {
  return { ...record, folders: record.folders.map((f) => boundFolder(f, max)) };
}

function boundFolder(folder: FolderRunResult, max: number): FolderRunResult {
  const omitted = {
    removed: Math.max(0, folder.removed.length - max),
    skipped: Math.max(0, folder.skipped.length - max),
    errors: Math.max(0, folder.errors.length - max),
  };
  if (omitted.removed + omitted.skipped + omitted.errors === 0) return folder;
  return {
    ...folder,
    removed: folder.removed.slice(0, max),
    skipped: folder.skipped.slice(0, max),
    errors: folder.errors.slice(0, max),
    omitted,
  };
}
