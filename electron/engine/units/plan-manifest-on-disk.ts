/**
 * Plans a `kind: manifest` folder from its scan and its token file (issue 11), and returns what must
 * happen after the removals: the token file's rewrite and each unit's outcome.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { parseTokenFile } from '../../core/manifest/parse-token-file.js';
import { planManifestFolder } from '../../core/manifest/plan-manifest.js';
import { recheckUnits } from '../../core/manifest/recheck-units.js';
import type { ManifestPlan, ManifestUnit } from '../../core/manifest/manifest-types.js';
import type { FolderPlan, FolderRules, FolderRunResult, PlannedUnit } from '../../../shared/types.js';
import type { FolderScan } from '../scan/scan-folder.js';
import { listedElsewhere } from './listed-elsewhere.js';
import { readTokenFile } from './read-token-file.js';
import { manifestOutcomes } from './manifest-outcomes.js';

/**
 * Run once the folder's removals are done (or checked, in a dry run): completes its result. `executed` is
 * the plan the run carried out, which may be less than the one planned (a run held back for consent
 * carries out an empty one): only its units count.
 */
export type FinishFolder = (
  result: FolderRunResult,
  dryRun: boolean,
  executed: FolderPlan,
) => Promise<FolderRunResult>;

/** Run just before the folder's removals: the plan as it may still be carried out. */
export type BeforeRun = (plan: FolderPlan) => Promise<FolderPlan>;

export type ManifestPlanned =
  | { plan: FolderPlan; error: null; beforeRun: BeforeRun; finish: FinishFolder }
  | { plan: null; error: string; beforeRun?: undefined; finish?: undefined };

export async function planManifestOnDisk(
  rules: FolderRules,
  scan: FolderScan,
  nowMs: number,
): Promise<ManifestPlanned> {
  const file = rules.manifestFile;
  if (file === null) return { plan: null, error: 'kind: manifest needs manifest_file' };
  const nothing = '; nothing in this folder is removed until it can be read';
  const read = await readTokenFile(file);
  if (!read.ok) return { plan: null, error: `${read.message}${nothing}` };
  const tokenFilePath = pathInFolder(rules.path, file);
  const parse = parseTokenFile(read.text, tokenFilePath);
  if (!parse.ok)
    return { plan: null, error: `the token file ${file} cannot be parsed: ${parse.message}${nothing}` };
  const manifest = planManifestFolder({
    files: scan.files,
    contents: parse,
    rules,
    retentionHours: rules.retentionHours ?? 24,
    tokenFilePath,
    unremovable: await listedElsewhere(rules.path, parse, scan.files),
    nowMs,
  });
  const plan = folderPlan(rules.name, manifest);
  const finish: FinishFolder = (result, dryRun, executed) => {
    const carried = new Set((executed.units ?? []).map((u) => u.id));
    const units = manifest.units.filter((u) => carried.has(unitId(u)));
    return manifestOutcomes({ rules, file, plannedText: read.text, units, result, dryRun });
  };
  const beforeRun: BeforeRun = async (current) => {
    const carried = new Set((current.units ?? []).map((u) => u.id));
    const units = manifest.units.filter((u) => carried.has(unitId(u)));
    if (units.length === 0) return current;
    const now = await readTokenFile(file);
    const recheck = now.ok
      ? recheckUnits(units, read.text, now.text, tokenFilePath)
      : { keep: [], notes: [`${now.message} any more, so nothing here was removed`] };
    return narrowPlan(current, new Set(recheck.keep.map(unitId)), recheck.notes);
  };
  return { plan, error: null, beforeRun, finish };
}

/** `plan` with only the units in `keep` and their files, and `notes` added. */
function narrowPlan(plan: FolderPlan, keep: ReadonlySet<string>, notes: string[]): FolderPlan {
  if (notes.length === 0 && (plan.units ?? []).every((u) => keep.has(u.id))) return plan;
  const remove = plan.remove.filter((r) => (r.units ?? []).every((id) => keep.has(id)));
  return {
    ...plan,
    remove,
    units: (plan.units ?? []).filter((u) => keep.has(u.id)),
    bytesToFree: remove.reduce((sum, r) => sum + r.sizeBytes, 0),
    notes: [...plan.notes, ...notes],
  };
}

/** The id a unit has in plans and records: tokens and orphan files apart, whatever their names. */
export function unitId(unit: ManifestUnit): string {
  return `${unit.kind}:${unit.id}`;
}

function folderPlan(name: string, manifest: ManifestPlan): FolderPlan {
  const units: PlannedUnit[] = manifest.units.map((u) => ({
    id: unitId(u),
    label: u.label,
    reason: u.reason,
    sizeBytes: u.sizeBytes,
    lastUsedMs: u.files.length === 0 ? null : u.files.reduce((t, f) => Math.max(t, f.mtimeMs), -Infinity),
    files: u.files.map((f) => f.path),
  }));
  const held = (word: string) => manifest.held.filter((h) => h.why.includes(word)).length;
  return {
    name,
    remove: manifest.units.flatMap((u) =>
      u.files.map((f) => ({ ...f, reason: u.reason, units: [unitId(u)] })),
    ),
    bytesToFree: manifest.bytesToFree,
    overLimitAfter: manifest.overLimitAfter,
    notes: manifest.notes,
    kept: { protected: held('is protected'), young: held('younger than') },
    units,
  };
}

/** `file` relative to the folder, `/`-separated; null when it is outside. */
function pathInFolder(root: string, file: string): string | null {
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}
