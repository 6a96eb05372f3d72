/**
 * Plans a `kind: manifest` folder from its scan and its token file (issue 11), and returns what must
 * happen after the removals: the token file's rewrite and each unit's outcome.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { parseTokenFile } from '../../core/manifest/parse-token-file.js';
import { planManifestFolder } from '../../core/manifest/plan-manifest.js';
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

export type ManifestPlanned =
  { plan: FolderPlan; error: null; finish: FinishFolder } | { plan: null; error: string; finish?: undefined };

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
  return { plan, error: null, finish };
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
