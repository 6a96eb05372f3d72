/**
 * Writes a removal job's outcomes into the folder's result in plan order, hands the files the core could
 * not trash itself to the host's trash (the path fallback), and returns the files the job did not reach.
 */
import type { FolderRunResult, PlannedRemoval } from '../../../shared/types.js';
import type { TrashPort } from '../ports.js';
import { errorCode, errorMessage } from '../fs/errno.js';
import type { JobResult, RemovalJob } from '../removal/removal-job.js';

export async function recordOutcomes(
  result: FolderRunResult,
  items: readonly PlannedRemoval[],
  job: RemovalJob,
  jobResult: JobResult,
  trash: TrashPort,
): Promise<PlannedRemoval[]> {
  const left: PlannedRemoval[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as PlannedRemoval;
    const outcome = jobResult.outcomes[i];
    if (outcome === undefined) left.push(item);
    else if (outcome === null) removed(result, item, jobResult.diskFreed[i] ?? 0, jobResult.trashed);
    else if (outcome.kind === 'skip')
      result.skipped.push({ path: item.path, why: outcome.why, detail: outcome.detail });
    else if (outcome.kind === 'error')
      result.errors.push({ path: item.path, code: outcome.code, message: outcome.message });
    else await handOff(result, item, outcome.absPath, trash);
  }
  result.removedDirs.push(...jobResult.removedDirs.filter((d) => !result.removedDirs.includes(d)));
  result.errors.push(...jobResult.dirErrors);
  const shared = result.skipped.filter((s) => s.why === 'shared-folder').length;
  const sharedNote = (n: number) =>
    `${n} files were kept because their folder can be written by another user and this platform has no race-free removal.`;
  if (shared > 0) {
    result.notes = result.notes.filter((n) => !/can be written by another user and this platform/.test(n));
    result.notes.push(sharedNote(shared));
  }
  if (jobResult.pathFallback && !job.dryRun && result.filesRemoved > 0) {
    const note = 'Removed by path: race-free removal is not available on this platform.';
    if (!result.notes.includes(note)) result.notes.push(note);
  }
  return left;
}

function removed(result: FolderRunResult, item: PlannedRemoval, diskFreed: number, trashed: boolean) {
  result.removed.push({ path: item.path, sizeBytes: item.sizeBytes, reason: item.reason });
  result.filesRemoved++;
  result.bytesFreed += diskFreed;
  result.bytesRemoved = (result.bytesRemoved ?? 0) + item.sizeBytes;
  if (trashed) result.bytesTrashed = (result.bytesTrashed ?? 0) + item.sizeBytes;
}

/** The path fallback's trash: the core checked the file; the host's trash moves it. */
async function handOff(result: FolderRunResult, item: PlannedRemoval, absPath: string, trash: TrashPort) {
  try {
    await trash(absPath);
    removed(result, item, 0, true);
  } catch (error) {
    result.errors.push({ path: item.path, code: errorCode(error), message: errorMessage(error) });
  }
}
