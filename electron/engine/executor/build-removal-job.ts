/**
 * Builds a removal job from planned files: what can be decided before the disk is touched (a path that
 * could leave the root, a protect match, the grace period) is decided here, once, on the caller's thread.
 */
import type { PlannedRemoval } from '../../../shared/types.js';
import { formatDuration } from '../../../shared/format.js';
import type { JobFile, RemovalJob } from '../removal/removal-job.js';
import { splitRelPath } from './split-rel-path.js';

export interface JobRules {
  isProtected: (relPath: string) => boolean;
  /** At execution only a pattern added during the run can match: the plan left excluded files out. */
  isExcluded: (relPath: string) => boolean;
  graceMs: number;
  nowMs: () => number;
}

/**
 * The job's folders and files for `items`, reading the clock once per file. Each folder is listed once and
 * files name it by index: a job of 50,000 files in 1,000 folders carries 1,000 folder paths to the worker.
 */
export function jobFiles(
  rules: JobRules,
  items: readonly PlannedRemoval[],
): { dirs: string[][]; files: JobFile[] } {
  const dirs: string[][] = [];
  const dirIndex = new Map<string, number>();
  const dirOf = (parts: string[]): number => {
    const key = parts.slice(0, -1).join('/');
    let index = dirIndex.get(key);
    if (index === undefined) {
      index = dirs.push(parts.slice(0, -1)) - 1;
      dirIndex.set(key, index);
    }
    return index;
  };
  const files = items.map((item): JobFile => {
    const split = splitRelPath(item.path);
    const parts = split.ok ? split.parts : [];
    let refusal: JobFile['refusal'] = null;
    if (!split.ok) refusal = { why: 'outside-root', detail: split.detail };
    else if (rules.isProtected(item.path))
      refusal = { why: 'protected', detail: 'matches a protect pattern' };
    else if (rules.isExcluded(item.path))
      refusal = { why: 'protected', detail: 'matches an exclude pattern' };
    return {
      dir: dirOf(parts),
      name: parts.at(-1) ?? '',
      dev: item.dev,
      ino: item.ino,
      sizeBytes: item.sizeBytes,
      mtimeMs: item.mtimeMs,
      refusal,
      tooYoung: refusal === null ? tooYoungDetail(rules.nowMs() - item.mtimeMs, rules.graceMs) : null,
      ...(item.entry === 'link' ? { link: true } : {}),
    };
  });
  return { dirs, files };
}

function tooYoungDetail(ageMs: number, graceMs: number): string | null {
  if (ageMs >= graceMs) return null;
  const ago = ageMs < 0 ? 'in the future' : `${formatDuration(ageMs)} ago`;
  return `modified ${ago}, within the ${formatDuration(graceMs)} grace period`;
}

export type { RemovalJob };
