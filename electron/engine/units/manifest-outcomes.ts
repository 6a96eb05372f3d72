/**
 * After a manifest folder's removals: rewrites the token file (never in a dry run) and says what became of
 * each unit, so the run record reads in tokens ("token abc123 · 3 files · 12 MB · expired 5 h ago:
 * removed") and not only in files.
 */
import type { ManifestUnit } from '../../core/manifest/manifest-types.js';
import type { FolderRules, FolderRunResult, UnitOutcome } from '../../../shared/types.js';
import { rewriteTokenFile, type TokenRewriteOutcome } from './rewrite-token-file.js';

export interface OutcomesInput {
  rules: FolderRules;
  /** The token file (absolute). */
  file: string;
  plannedText: string;
  /** The units the run carried out. */
  units: readonly ManifestUnit[];
  result: FolderRunResult;
  dryRun: boolean;
}

export async function manifestOutcomes(input: OutcomesInput): Promise<FolderRunResult> {
  const { result } = input;
  const tokens = input.units.filter((u) => u.kind === 'token');
  const rewrite: TokenRewriteOutcome | null =
    input.dryRun || tokens.length === 0
      ? null
      : await rewriteTokenFile({
          root: input.rules.path,
          file: input.file,
          plannedText: input.plannedText,
          planned: new Set(tokens.map((u) => u.id)),
          plannedPaths: input.units.flatMap((u) => u.files.map((f) => f.path)),
        });
  const removed = new Set(result.removed.map((r) => r.path));
  const why = new Map<string, string>([
    ...result.skipped.map((s) => [s.path, s.detail ?? s.why] as const),
    ...result.errors.map((e) => [e.path, `${e.code} ${e.message}`] as const),
  ]);
  const units = input.units.map((u) => outcomeOf(u, removed, why, rewrite));
  return { ...result, notes: [...result.notes, ...(rewrite?.notes ?? [])], units };
}

function outcomeOf(
  unit: ManifestUnit,
  removed: ReadonlySet<string>,
  why: ReadonlyMap<string, string>,
  rewrite: TokenRewriteOutcome | null,
): UnitOutcome {
  const base = {
    id: `${unit.kind}:${unit.id}`,
    label: unit.label,
    reason: unit.reason,
    sizeBytes: unit.sizeBytes,
  };
  const left = unit.files.filter((f) => !removed.has(f.path));
  const gone = unit.files.length - left.length;
  const first = left[0];
  const fileDetail = first ? `${first.path} was kept: ${why.get(first.path) ?? 'not reached'}` : undefined;
  if (unit.kind === 'token' && rewrite !== null) {
    const kept = rewrite.kept.find((k) => k.id === unit.id);
    if (rewrite.dropped.includes(unit.id)) return { ...base, outcome: 'removed' };
    const detail = kept
      ? `${kept.remaining.join(', ')} ${kept.remaining.length === 1 ? 'remains' : 'remain'}; the token stays in the token file`
      : rewrite.changed.includes(unit.id)
        ? 'the application changed or removed this token during the run; the token file keeps what it wrote'
        : (fileDetail ?? 'the token file was not rewritten');
    return { ...base, outcome: gone > 0 ? 'partly-removed' : 'kept', detail };
  }
  if (left.length === 0) return { ...base, outcome: 'removed' };
  return {
    ...base,
    outcome: gone > 0 ? 'partly-removed' : 'kept',
    ...(fileDetail ? { detail: fileDetail } : {}),
  };
}
