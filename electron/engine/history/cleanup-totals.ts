/**
 * Cumulative cleanup totals (issue 16 item 4): runs, files removed, bytes freed, errors, the last cleanup
 * and the last error, in all and per folder, since the data folder was first used. The history keeps only
 * the newest runs (it is compacted), so these live in their own small file, `cleanup-totals.json`,
 * replaced atomically after each run completes: a crash leaves the old totals or the new ones, and no
 * compaction can lose them. The first start without the file counts what the history still holds.
 *
 * The history's end line and this file are two writes, so a crash can fall between them (or a run can be
 * counted here and its end line never written). The totals therefore carry the ids of the runs they
 * include; at each start the newest runs in the history that have ended and are not among them are
 * folded in, so a run is counted once whichever write the crash came between.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { RunRecord } from '../../../shared/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { PARSED_ONCE } from '../../../shared/parse-once.js';

export const TOTALS_FILE = 'cleanup-totals.json';

const count = z.number().int().nonnegative().catch(0);
const folderTotalsSchema = z.object({
  filesRemoved: count,
  bytesFreed: count,
  errors: count,
  /** Units (manifest tokens, model revisions) removed whole; the seed's `tokens_cleaned`. Absent in older files. */
  unitsRemoved: count.optional(),
});
const totalsSchema = z.object({
  runs: count,
  /** Runs by `trigger:status` (e.g. `manual:completed`), the labels of headroom_cleanup_runs_total. */
  runsBy: z.record(z.string(), count).catch({}),
  filesRemoved: count,
  bytesFreed: count,
  errors: count,
  /** Start of the newest run counted (ISO). */
  lastCleanupAt: z.string().nullable().catch(null),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable().catch(null),
  folders: z.record(z.string(), folderTotalsSchema).catch({}),
  /** Ids of the newest runs counted, oldest first (at most COUNTED_IDS_KEPT); null in a file from before ids. */
  countedIds: z.array(z.string()).nullable().catch(null),
});
export type CleanupTotalsData = z.infer<typeof totalsSchema>;
export type FolderTotals = z.infer<typeof folderTotalsSchema>;

export function emptyTotals(): CleanupTotalsData {
  return {
    runs: 0,
    runsBy: {},
    filesRemoved: 0,
    bytesFreed: 0,
    errors: 0,
    lastCleanupAt: null,
    lastError: null,
    folders: {},
    countedIds: [],
  };
}

/**
 * Ids kept of the runs counted. Runs never overlap, so at most the newest run can be caught between the
 * two writes; a start looks at the newest RECONCILE_RUNS runs of the history, and every counted one of
 * those is still among the ids kept.
 */
const COUNTED_IDS_KEPT = 100;
export const RECONCILE_RUNS = 20;

/** A real run that has ended: what the totals count. */
function counts(run: RunRecord): boolean {
  return !run.dryRun && run.status !== 'running';
}

/** Errors of one folder of a run, counting those a bounded history record left out of its list. */
function folderErrors(folder: RunRecord['folders'][number]): number {
  return folder.errors.length + (folder.omitted?.errors ?? 0);
}

/** `totals` with `run` (a real run that has ended) added. Pure. */
export function addRun(totals: CleanupTotalsData, run: RunRecord): CleanupTotalsData {
  const next = structuredClone(totals);
  const key = `${run.trigger}:${run.status}`;
  next.runs += 1;
  next.countedIds = [...(next.countedIds ?? []), run.id].slice(-COUNTED_IDS_KEPT);
  next.runsBy[key] = (next.runsBy[key] ?? 0) + 1;
  next.filesRemoved += run.filesRemoved;
  next.bytesFreed += run.bytesFreed;
  if (next.lastCleanupAt === null || run.startedAt >= next.lastCleanupAt) next.lastCleanupAt = run.startedAt;
  for (const folder of run.folders) {
    const errors = folderErrors(folder);
    next.errors += errors;
    const known = next.folders[folder.name] ?? { filesRemoved: 0, bytesFreed: 0, errors: 0 };
    const units = (folder.units ?? []).filter((u) => u.outcome === 'removed').length;
    next.folders[folder.name] = {
      filesRemoved: known.filesRemoved + folder.filesRemoved,
      bytesFreed: known.bytesFreed + folder.bytesFreed,
      errors: known.errors + errors,
      unitsRemoved: (known.unitsRemoved ?? 0) + units,
    };
    const first = folder.errors[0];
    if (first) {
      const where = first.path === '' ? folder.name : `${folder.name}/${first.path}`;
      next.lastError = { at: run.finishedAt ?? run.startedAt, message: `${where}: ${first.message}` };
    }
  }
  return next;
}

export class CleanupTotals {
  private constructor(
    private readonly file: string,
    private data: CleanupTotalsData,
    private readonly writable: boolean,
  ) {}

  /**
   * Reads the totals. Without a file (first start, or an older Headroom), the owner of the data folder
   * writes one from `history(limit)` (runs newest first, read whole): the runs the history still holds,
   * the best count there is. With one, the owner folds in the newest runs that ended and that the file
   * does not include (a crash between the two writes; runs found interrupted at this start).
   */
  static async open(
    file: string,
    options: { writable: boolean; history: (limit: number) => Promise<RunRecord[]> },
  ): Promise<CleanupTotals> {
    const read = await readTotals(file);
    if (read) {
      if (!options.writable) return new CleanupTotals(file, read, false);
      const { data, folded } = reconcile(read, await options.history(RECONCILE_RUNS));
      const totals = new CleanupTotals(file, data, true);
      if (folded > 0) await totals.save();
      return totals;
    }
    const runs = (await options.history(1000)).filter(counts);
    const data = runs.reverse().reduce(addRun, emptyTotals());
    const totals = new CleanupTotals(file, data, options.writable);
    if (options.writable) await totals.save();
    return totals;
  }

  /** The totals as they are now (a copy). A process that does not own the data folder reads the file again. */
  async current(): Promise<CleanupTotalsData> {
    if (!this.writable) this.data = (await readTotals(this.file)) ?? this.data;
    return structuredClone(this.data);
  }

  /** Adds a real run that has ended, and writes the file before resolving. Dry runs are not counted. */
  async add(run: RunRecord): Promise<void> {
    if (!this.writable || !counts(run) || this.data.countedIds?.includes(run.id)) return;
    this.data = addRun(this.data, run);
    await this.save();
  }

  private save(): Promise<void> {
    return writeFileAtomic(this.file, JSON.stringify(this.data, null, 2) + '\n');
  }
}

/**
 * `totals` with the runs of `newestRuns` (newest first) that ended and are not counted yet. A file from
 * before ids were kept counted every run up to its last cleanup, and none after it.
 */
export function reconcile(
  totals: CleanupTotalsData,
  newestRuns: RunRecord[],
): { data: CleanupTotalsData; folded: number } {
  const ended = newestRuns.filter(counts);
  const lastAt = totals.lastCleanupAt;
  const countedIds =
    totals.countedIds ??
    ended
      .filter((run) => lastAt !== null && run.startedAt <= lastAt)
      .map((run) => run.id)
      .reverse();
  const counted = new Set(countedIds);
  const missing = ended.filter((run) => !counted.has(run.id)).reverse();
  return { data: missing.reduce(addRun, { ...totals, countedIds }), folded: missing.length };
}

async function readTotals(file: string): Promise<CleanupTotalsData | null> {
  try {
    const parsed = totalsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')), PARSED_ONCE);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
