/**
 * The fast delete path's data, as plain structured-cloneable values: what the caller's thread decides
 * before a file is touched (paths that could leave the root, protect globs, the grace period) travels
 * with each file to the thread that checks and unlinks it.
 */
import type { PlannedRemoval, SkipWhy } from '../../../shared/types.js';
import { formatDuration } from '../../../shared/format.js';
import type { FileContext, FileOutcome } from './process-planned-file.js';
import { splitRelPath } from './split-rel-path.js';

/** One planned file, ready to be checked and unlinked without the caller's help. */
export interface JobFile {
  /** Folder components below the root (`[]` for a file in the root itself). */
  dirParts: string[];
  name: string;
  dev: number;
  ino: number;
  sizeBytes: number;
  mtimeMs: number;
  /**
   * Set when the file is refused before the disk is touched (a path that could leave the root, a protect
   * match): it is recorded as this, in plan order, unless the run was cancelled before it.
   */
  refusal: { why: SkipWhy; detail: string } | null;
  /**
   * The grace-period refusal, decided from the planned mtime. It applies only once the file's real mtime
   * has been found equal to the planned one, so deciding it early from the plan is exact.
   */
  tooYoung: string | null;
}

/** One folder's files to check and unlink, in plan order, under one real root. */
export interface DeleteJob {
  rootRealPath: string;
  rootDev: number;
  files: JobFile[];
  dryRun: boolean;
}

/** What happened to each file, by index; `null` for a removed file (the common case, kept small). */
export type JobOutcome = Exclude<FileOutcome, { kind: 'removed' }> | null;

/** Builds the job for `items`, reading the engine's clock once per file as the async path does. */
export function buildDeleteJob(ctx: FileContext, items: PlannedRemoval[]): DeleteJob {
  const files = items.map((item): JobFile => {
    const split = splitRelPath(item.path);
    const parts = split.ok ? split.parts : [];
    let refusal: JobFile['refusal'] = null;
    if (!split.ok) refusal = { why: 'outside-root', detail: split.detail };
    else if (ctx.isProtected(item.path)) refusal = { why: 'protected', detail: 'matches a protect pattern' };
    return {
      dirParts: parts.slice(0, -1),
      name: parts.at(-1) ?? '',
      dev: item.dev,
      ino: item.ino,
      sizeBytes: item.sizeBytes,
      mtimeMs: item.mtimeMs,
      refusal,
      tooYoung: refusal === null ? tooYoungDetail(ctx.nowMs() - item.mtimeMs, ctx.graceMs) : null,
    };
  });
  return { rootRealPath: ctx.root.realPath, rootDev: ctx.root.dev, files, dryRun: ctx.dryRun };
}

/** The same wording as the async path's check (check-planned-file.ts). */
function tooYoungDetail(ageMs: number, graceMs: number): string | null {
  if (ageMs >= graceMs) return null;
  const ago = ageMs < 0 ? 'in the future' : `${formatDuration(ageMs)} ago`;
  return `modified ${ago}, within the ${formatDuration(graceMs)} grace period`;
}
