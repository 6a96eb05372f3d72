/**
 * Scans each folder afresh and plans it. Cleanup never plans from the live index: a fresh scan is the
 * reconciliation DESIGN.md asks for at every cleanup, and it carries the device and inode of each file,
 * which the executor checks again before each removal.
 */
import { planFolder } from '../../core/plan-cleanup.js';
import { emptyPlan } from '../../core/empty-plan.js';
import { planUnits } from '../../core/plan-units.js';
import { atimeRecorded } from '../units/atime-recorded.js';
import { readHfCache, type StoreRead } from '../units/read-hf-cache.js';
import { readOllamaModels } from '../units/read-ollama-models.js';
import { realpath } from 'node:fs/promises';
import type {
  FolderKind,
  FolderPlan,
  FolderPlanView,
  FolderRules,
  PlanTotals,
} from '../../../shared/types.js';
import { folderUsage } from '../../core/levels.js';
import { planManifestOnDisk, type BeforeRun, type FinishFolder } from '../units/plan-manifest-on-disk.js';
import { scanFolder } from '../scan/scan-folder.js';
import type { FolderScan } from '../scan/scan-folder.js';

export interface PlannedFolder {
  rules: FolderRules;
  /** Null when the folder could not be planned; `error` says why. */
  plan: FolderPlan | null;
  error: string | null;
  scan: FolderScan | null;
  /** Narrows the plan just before its removals (a manifest folder reads its token file again). */
  beforeRun?: BeforeRun;
  /** Completes the folder's result once its removals are done (a manifest folder rewrites its token file). */
  finish?: FinishFolder;
}

export async function planFolders(
  folders: readonly FolderRules[],
  nowMs: number,
  signal?: AbortSignal,
): Promise<PlannedFolder[]> {
  const planned: PlannedFolder[] = [];
  for (const rules of folders) planned.push(await planOne(rules, nowMs, signal));
  return planned;
}

async function planOne(rules: FolderRules, nowMs: number, signal?: AbortSignal): Promise<PlannedFolder> {
  if (!rules.enabled) return { rules, plan: null, scan: null, error: 'disabled in the configuration' };
  const scan = await scanFolder(rules.path, { signal });
  if (!scan.exists) return { rules, plan: null, scan, error: `folder does not exist: ${rules.path}` };
  if (scan.error) return { rules, plan: null, scan, error: scan.error };
  // Planned from the scan like a files folder, then finished after the run (the token file's rewrite).
  if (rules.kind === 'manifest') return { rules, scan, ...(await planManifestOnDisk(rules, scan, nowMs)) };
  const planUnits = UNIT_PLANNERS[rules.kind];
  if (planUnits !== undefined) return { rules, plan: await planUnits(rules, nowMs), scan, error: null };
  // The scan's columns as they are: entries would be an object per file, 100+ MB on a million files.
  return { rules, plan: planFolder(scan.files, rules, nowMs), scan, error: null };
}

/** Plans a folder whose unit of cleanup is not a file, reading the store's own structure. */
export type UnitPlanner = (rules: FolderRules, nowMs: number) => Promise<FolderPlan>;

/** The planner of each model-cache kind, which plans whole units from the store's own structure. */
const UNIT_PLANNERS: Partial<Record<FolderKind, UnitPlanner>> = {
  huggingface: storePlanner(readHfCache),
  ollama: storePlanner(readOllamaModels),
};

/** A model cache: read its tree (links, refs, manifests), then decide on it in the core. */
function storePlanner(read: (root: string, useAtime: boolean) => Promise<StoreRead>): UnitPlanner {
  return async (rules, nowMs) => {
    const tree = await read(rules.path, await atimeRecorded(await realpath(rules.path)));
    if (!tree.ok) return { ...emptyPlan(rules.name), notes: [tree.reason] };
    return planUnits(tree.tree, rules, nowMs);
  };
}

/**
 * The view of a plan that previews show: paths relative to the root, no device or inode, at most
 * `listed` files (the totals stay exact), and the folder's totals before and after.
 */
export function planView(p: PlannedFolder, listed = Infinity): FolderPlanView {
  const notes = [...(p.plan?.notes ?? []), ...unreadableNotes(p.scan)];
  const planned = p.plan?.remove ?? [];
  const shown = planned.length > listed ? planned.slice(0, listed) : planned;
  const totals = p.plan ? planTotals(p.plan, p.rules) : null;
  return {
    name: p.rules.name,
    remove: shown.map(({ path, sizeBytes, mtimeMs, reason }) => ({ path, sizeBytes, mtimeMs, reason })),
    files: planned.length,
    filesOmitted: planned.length - shown.length,
    ...(totals ? { totals } : {}),
    bytesToFree: p.plan?.bytesToFree ?? 0,
    overLimitAfter: p.plan?.overLimitAfter ?? false,
    notes,
    error: p.error,
    ...(p.plan?.units ? { units: p.plan.units } : {}),
  };
}

/** Before and after a files plan, with usage of the size and count limits (DESIGN.md "Levels"). */
function planTotals(plan: FolderPlan, rules: FolderRules): FolderPlanView['totals'] | null {
  if (!plan.counted) return null;
  const usage = (files: number, sizeBytes: number): PlanTotals => {
    const stats = { fileCount: files, sizeBytes, oldestMtimeMs: null };
    const { usage: u, usagePercent } = folderUsage(stats, rules, 0);
    return { files, sizeBytes, usagePercent: u.size === null && u.count === null ? null : usagePercent };
  };
  const { files, bytes } = plan.counted;
  return {
    before: usage(files, bytes),
    after: usage(files - plan.remove.length, bytes - plan.bytesToFree),
  };
}

/** Subfolders the scan could not read hold files nobody can count or clean: say so. */
export function unreadableNotes(scan: FolderScan | null): string[] {
  if (!scan || scan.unreadable.length === 0) return [];
  const first = scan.unreadable[0];
  const more = scan.unreadable.length > 1 ? ` and ${scan.unreadable.length - 1} more` : '';
  return [
    `could not read ${first?.path || '.'} (${first?.code})${more}; files there were not counted or cleaned`,
  ];
}
