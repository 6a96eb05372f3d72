/**
 * Carries out one planned removal: refuse paths that could leave the root, re-check protection, walk and
 * examine the file, re-check the folders on the way, then delete or trash it.
 */
import type { CleanupAction, PlannedRemoval, SkipWhy } from '../../../shared/types.js';
import type { TrashPort } from '../ports.js';
import { checkPlannedFile, recheckFile, recheckParents } from './check-planned-file.js';
import { errorCode, errorMessage, isTransientCode, type FsOps } from './fs-ops.js';
import type { RealRoot } from './resolve-root.js';
import { splitRelPath } from './split-rel-path.js';

export type FileOutcome =
  | { kind: 'removed' }
  | { kind: 'skip'; why: SkipWhy; detail: string }
  | { kind: 'error'; code: string; message: string }
  /** A failure worth one more try later in the run (EBUSY, EMFILE …). */
  | { kind: 'transient'; code: string; message: string };

export interface FileContext {
  root: RealRoot;
  isProtected: (relPath: string) => boolean;
  /** Grace period: files modified less than this long ago are never removed. */
  graceMs: number;
  nowMs: () => number;
  action: CleanupAction;
  trash: TrashPort;
  dryRun: boolean;
  fsOps: FsOps;
}

/**
 * Removes one planned file if, at this moment, it is still safe and still the file that was planned.
 *
 * The remaining race, stated honestly: Node has no `unlinkat()` or `O_NOFOLLOW` on directories, so the
 * removal goes by absolute path. The folders on the way are re-read (`recheckParents`), then the file
 * itself (`recheckFile`), then it is unlinked: in the window of one or two system calls left, a process
 * that can write inside the root could swap the file, or a folder for a symbolic link; the kernel would
 * then follow it and remove a file of the same name elsewhere. The window is microseconds and needs an
 * attacker already able to write in the managed folder; the checks make every slower change (a link
 * planted before the run, a replaced or grown file, a mounted volume) fail safe. Trashing has the same
 * window, widened by the time the trash call takes to start its own `lstat` and `rename`.
 */
export async function processPlannedFile(ctx: FileContext, item: PlannedRemoval): Promise<FileOutcome> {
  const split = splitRelPath(item.path);
  if (!split.ok) return { kind: 'skip', why: 'outside-root', detail: split.detail };
  if (ctx.isProtected(item.path)) {
    return { kind: 'skip', why: 'protected', detail: 'matches a protect pattern' };
  }
  const verdict = await checkPlannedFile({
    root: ctx.root,
    item,
    parts: split.parts,
    nowMs: ctx.nowMs(),
    graceMs: ctx.graceMs,
    fsOps: ctx.fsOps,
  });
  if (verdict.kind !== 'ok') return verdict;
  const moved =
    (await recheckParents(verdict.parents, ctx.fsOps)) ??
    (await recheckFile(verdict.absPath, item, ctx.fsOps));
  if (moved !== null) return moved;
  if (ctx.dryRun) return { kind: 'removed' };
  return removeFile(ctx, verdict.absPath);
}

async function removeFile(ctx: FileContext, absPath: string): Promise<FileOutcome> {
  try {
    if (ctx.action === 'trash') await ctx.trash(absPath);
    else await ctx.fsOps.unlink(absPath);
    return { kind: 'removed' };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT')
      return { kind: 'skip', why: 'gone', detail: 'disappeared while it was being removed' };
    const message = errorMessage(error);
    return isTransientCode(code) ? { kind: 'transient', code, message } : { kind: 'error', code, message };
  }
}
