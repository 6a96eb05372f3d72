/**
 * What the history store holds in memory per run: a summary, not the whole record. A record's per-file
 * lists (up to 50 entries per list and folder, bound-record.ts) would cost kilobytes of heap per run, for
 * every run kept; the full line stays in the file and is read back, by offset, only for the page being listed.
 */
import type { FolderRunResult, RunRecord } from '../../../shared/types.js';

/** Where one line of the history file is: its first byte and its length, without the newline. */
export interface LineSpan {
  offsetBytes: number;
  lengthBytes: number;
}

/** The newest line of one run, and where it stands in the order runs first appeared. */
export interface HistoryEntry {
  /** The run with its per-file lists emptied (summarizeRun). */
  summary: RunRecord;
  startedAtMs: number;
  seq: number;
  /** The run's newest full line in the file; null once that line was found damaged (only the summary is left). */
  line: LineSpan | null;
}

/**
 * The record with its per-file lists (`removed`, `skipped`, `errors`, `removedDirs`) emptied; every
 * count, `omitted`, the notes, status and totals are kept. Fresh objects, so nothing of the parsed line
 * stays reachable through it.
 */
export function summarizeRun(record: RunRecord): RunRecord {
  return { ...record, folders: record.folders.map(summarizeFolder) };
}

/** One folder of a run with its per-file lists emptied (see summarizeRun). */
export function summarizeFolder(folder: FolderRunResult): FolderRunResult {
  const summary: FolderRunResult = {
    ...folder,
    removed: [],
    skipped: [],
    errors: [],
    removedDirs: [],
    notes: [...folder.notes],
  };
  if (folder.omitted) summary.omitted = { ...folder.omitted };
  return summary;
}
