/**
 * Cumulative cleanup totals (issue 16 item 4): runs, files removed, bytes freed, errors, the last cleanup
 * and the last error, in all and per folder, since the data folder was first used. The history keeps only
 * the newest runs (it is compacted), so these live in their own small file, `cleanup-totals.json`,
 * replaced atomically after each run completes: a crash leaves the old totals or the new ones, and no
 * compaction can lose them. The first start without the file counts what the history still holds.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { RunRecord } from '../../../shared/types.js';
import { writeFileAtomic } from '../config/atomic-write.js';

export const TOTALS_FILE = 'cleanup-totals.json';

const count = z.number().int().nonnegative().catch(0);
const folderTotalsSchema = z.object({ filesRemoved: count, bytesFreed: count, errors: count });
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
  };
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
  next.runsBy[key] = (next.runsBy[key] ?? 0) + 1;
  next.filesRemoved += run.filesRemoved;
  next.bytesFreed += run.bytesFreed;
  if (next.lastCleanupAt === null || run.startedAt >= next.lastCleanupAt) next.lastCleanupAt = run.startedAt;
  for (const folder of run.folders) {
    const errors = folderErrors(folder);
    next.errors += errors;
    const known = next.folders[folder.name] ?? { filesRemoved: 0, bytesFreed: 0, errors: 0 };
    next.folders[folder.name] = {
      filesRemoved: known.filesRemoved + folder.filesRemoved,
      bytesFreed: known.bytesFreed + folder.bytesFreed,
      errors: known.errors + errors,
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
   * writes one from `history()`: the runs the history still holds, the best count there is. `ended` are
   * runs found ended at this start (interrupted by a crash): counted once, here.
   */
  static async open(
    file: string,
    options: { writable: boolean; history: () => Promise<RunRecord[]>; ended: RunRecord[] },
  ): Promise<CleanupTotals> {
    const read = await readTotals(file);
    if (read) {
      const totals = new CleanupTotals(file, read, options.writable);
      for (const run of options.ended) await totals.add(run);
      return totals;
    }
    const runs = (await options.history()).filter((run) => !run.dryRun && run.status !== 'running');
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
    if (!this.writable || run.dryRun || run.status === 'running') return;
    this.data = addRun(this.data, run);
    await this.save();
  }

  private save(): Promise<void> {
    return writeFileAtomic(this.file, JSON.stringify(this.data, null, 2) + '\n');
  }
}

async function readTotals(file: string): Promise<CleanupTotalsData | null> {
  try {
    const parsed = totalsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
