/**
 * The impact of moving removals from one set of folder rules to another, folder by folder, with the
 * planner in electron/core/rule-impact.ts. Files come from wherever they already are (the live index);
 * only a folder nothing has indexed under these rules is scanned.
 */
import { folderRuleImpact, mayRemoveMore } from '../../core/rule-impact.js';
import { planFolders } from '../cleanup/plan-folders.js';
import type { FileColumns } from '../../core/file-columns.js';
import { IMPACT_LISTED } from '../../../shared/impact-text.js';
import type { ConfigImpact, FolderImpact, FolderRules } from '../../../shared/types.js';

/** The counted-or-not files of a folder under `rules` (null: it cannot be read, so nothing is removed). */
export type FilesOf = (rules: FolderRules) => Promise<FileColumns | null>;

export type ImpactFigures = Omit<ConfigImpact, 'token'>;

/**
 * What `after` removes that `before` does not, at `nowMs`. A folder's earlier rules count only while it
 * stays at the same path: a folder moved elsewhere is new.
 */
export async function configImpact(
  before: (name: string) => FolderRules | null,
  after: readonly FolderRules[],
  nowMs: number,
  filesOf: FilesOf,
): Promise<ImpactFigures> {
  const folders: FolderImpact[] = [];
  for (const rules of after) {
    const old = sameFolder(before(rules.name), rules);
    if (!mayRemoveMore(old, rules)) continue;
    const impact =
      rules.kind === 'files'
        ? await fileImpact(old, rules, nowMs, filesOf)
        : await unitImpact(old, rules, nowMs);
    if (impact === null || impact.remove.length === 0) continue;
    folders.push({
      name: rules.name,
      files: impact.remove.length,
      bytes: impact.bytes,
      remove: impact.remove
        .slice(0, IMPACT_LISTED)
        .map(({ path, sizeBytes, mtimeMs, reason }) => ({ path, sizeBytes, mtimeMs, reason })),
    });
  }
  return {
    computedAtMs: nowMs,
    files: folders.reduce((sum, f) => sum + f.files, 0),
    bytes: folders.reduce((sum, f) => sum + f.bytes, 0),
    folders,
  };
}

async function fileImpact(old: FolderRules | null, rules: FolderRules, nowMs: number, filesOf: FilesOf) {
  const files = await filesOf(rules);
  return files === null ? null : folderRuleImpact(files, old, rules, nowMs);
}

/**
 * A model cache or manifest folder plans whole units from its store's own structure (revisions, tags,
 * tokens), so its impact is the new plan less the old one, each made by the folder's own planner: what
 * Save would let the next run remove that it would not remove now.
 */
async function unitImpact(old: FolderRules | null, rules: FolderRules, nowMs: number) {
  const [after] = await planFolders([rules], nowMs);
  const before = old ? ((await planFolders([old], nowMs))[0]?.plan?.remove ?? []) : [];
  const already = new Set(before.map((r) => r.path));
  const remove = (after?.plan?.remove ?? []).filter((r) => !already.has(r.path));
  return { remove, bytes: remove.reduce((sum, r) => sum + r.sizeBytes, 0) };
}

/** The earlier rules, when they were for the same folder on disk. */
export function sameFolder(before: FolderRules | null, after: FolderRules): FolderRules | null {
  return before !== null && before.path === after.path ? before : null;
}
