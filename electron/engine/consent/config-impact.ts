/**
 * The impact of moving removals from one set of folder rules to another, folder by folder, with the
 * planner in electron/core/rule-impact.ts. Files come from wherever they already are (the live index);
 * only a folder nothing has indexed under these rules is scanned.
 */
import { folderRuleImpact, mayRemoveMore } from '../../core/rule-impact.js';
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
    // Unit kinds plan from their store's own structure, not from files; a gated run removes nothing
    // there (cleanup-service's holdBack), so their impact is not measured file by file here.
    if (rules.kind !== 'files' || !mayRemoveMore(old, rules)) continue;
    const files = await filesOf(rules);
    if (files === null) continue;
    const impact = folderRuleImpact(files, old, rules, nowMs);
    if (impact.remove.length === 0) continue;
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

/** The earlier rules, when they were for the same folder on disk. */
export function sameFolder(before: FolderRules | null, after: FolderRules): FolderRules | null {
  return before !== null && before.path === after.path ? before : null;
}
