/**
 * What a change of rules means for removal (DESIGN.md invariant 7): the files cleanup would remove under
 * the new rules that it would not have removed under the old ones. Both sides are the planner's own
 * decision on the same files at the same instant, so the comparison can never disagree with a run.
 */
import type { FolderPlan, FolderRules, PlannedRemoval } from '../../shared/types.js';
import type { FileColumns } from './file-columns.js';
import { planFolder } from './plan-cleanup.js';

/** The new removals of one folder: planned under `after`, not under `before`. */
export interface FolderRuleImpact {
  name: string;
  /** Oldest first, as the planner orders them. */
  remove: PlannedRemoval[];
  bytes: number;
}

/**
 * Plans `files` under both rule sets and keeps what only `after` removes. `before` null means the folder
 * had no rules that removed anything (it is new, was disabled, or lived at another path).
 */
export function folderRuleImpact(
  files: FileColumns,
  before: FolderRules | null,
  after: FolderRules,
  nowMs: number,
): FolderRuleImpact {
  const columns = files;
  const planAfter = planFolder(columns, after, nowMs);
  const planBefore = before === null ? null : planFolder(columns, before, nowMs);
  const remove = planBefore === null ? planAfter.remove : minus(planAfter.remove, planBefore);
  return { name: after.name, remove, bytes: remove.reduce((sum, r) => sum + r.sizeBytes, 0) };
}

/**
 * The plan a run may carry out while a change waits for the user's say: only the files both the held
 * (old) rules and the current rules remove. Loosening (a new protect, a longer age) applies at once;
 * tightening waits. `held` null: no agreed rules, nothing is removed.
 */
export function agreedPlan(
  files: FileColumns,
  plan: FolderPlan,
  held: FolderRules | null,
  nowMs: number,
): FolderPlan {
  const heldPlan = held === null ? null : planFolder(files, held, nowMs);
  const keep = heldPlan === null ? new Set<string>() : pathsOf(heldPlan);
  const remove = plan.remove.filter((r) => keep.has(r.path));
  const waiting = plan.remove.length - remove.length;
  const notes =
    waiting === 0
      ? plan.notes
      : [
          ...plan.notes,
          `${waiting === 1 ? '1 file' : `${waiting} files`} the new rules would remove ${waiting === 1 ? 'waits' : 'wait'} for the user's say (the next scheduled run, or Run now).`,
        ];
  return { ...plan, remove, bytesToFree: remove.reduce((sum, r) => sum + r.sizeBytes, 0), notes };
}

/**
 * Whether `after` could remove anything `before` does not, judged on the rules alone: false only when the
 * answer is no without looking at files (same rules, or the folder is now disabled).
 */
export function mayRemoveMore(before: FolderRules | null, after: FolderRules): boolean {
  if (!after.enabled) return false;
  return before === null || JSON.stringify(before) !== JSON.stringify(after);
}

function minus(remove: PlannedRemoval[], plan: FolderPlan): PlannedRemoval[] {
  const old = pathsOf(plan);
  return remove.filter((r) => !old.has(r.path));
}

function pathsOf(plan: FolderPlan): Set<string> {
  return new Set(plan.remove.map((r) => r.path));
}
