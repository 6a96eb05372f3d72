/**
 * Carries out the plan of a model cache or manifest folder without splitting a unit (DESIGN.md invariant
 * 8), through the same removal core as every file: first every planned entry is checked (a dry run of the
 * core), and a unit any of whose entries changed since planning is kept whole; then the units' own entries
 * go (snapshot links, refs, manifests), and only then the blobs of the units whose entries all went, so a
 * failure part-way never leaves a link or a manifest naming a missing blob.
 */
import type { FolderRunResult, PlannedRemoval, UnitOutcome } from '../../../shared/types.js';
import type { ExecutePlanInput } from './execute-plan.js';
import type { ExecuteProgress } from './progress-throttle.js';

type ExecuteFiles = (input: ExecutePlanInput) => Promise<FolderRunResult>;

/** Why each unit was held back, by unit id: the first entry that stopped it, in a sentence. */
type Holds = Map<string, string>;

export async function executeUnitPlan(
  input: ExecutePlanInput,
  executeFiles: ExecuteFiles,
): Promise<FolderRunResult> {
  const { plan } = input;
  const byPath = new Map(plan.remove.map((r) => [r.path, r]));
  const held: Holds = new Map();
  const check = await executeFiles({ ...input, dryRun: true, onProgress: undefined });
  holdFailures(check, byPath, held, 'kept whole');

  const progress = new PhasedProgress(input.onProgress, plan.remove.length);
  const free = (r: PlannedRemoval) => !(r.units ?? []).some((id) => held.has(id));
  const own = await executeFiles(
    phase(
      input,
      plan.remove.filter((r) => !r.blob && free(r)),
      progress,
    ),
  );
  holdFailures(own, byPath, held, 'partly removed');
  const blobs = await executeFiles(
    phase(
      input,
      plan.remove.filter((r) => r.blob && free(r)),
      progress,
    ),
  );
  holdFailures(blobs, byPath, held, 'partly removed');

  const result = merge(input, [own, blobs]);
  const attempted = new Set(
    [...own.removed, ...own.skipped, ...own.errors, ...blobs.removed, ...blobs.skipped, ...blobs.errors].map(
      (f) => f.path,
    ),
  );
  // Entries never attempted: the check's own finding for the entry that held its unit, else why it stayed.
  const checked = new Map(check.skipped.filter((s) => s.why !== 'gone').map((s) => [s.path, s]));
  const failed = new Map(check.errors.map((e) => [e.path, e]));
  for (const r of plan.remove) {
    if (attempted.has(r.path)) continue;
    const skip = checked.get(r.path);
    const error = failed.get(r.path);
    if (skip) result.skipped.push(skip);
    else if (error) result.errors.push(error);
    else {
      const why =
        (r.units ?? []).map((id) => held.get(id)).find((w) => w !== undefined) ?? 'its unit was kept';
      result.skipped.push({ path: r.path, why: 'unit-kept', detail: why });
    }
  }
  result.units = outcomes(input, held, new Set(result.removed.map((f) => f.path)));
  if (result.units.some((u) => u.outcome !== 'removed'))
    result.overLimitAfter = result.overLimitAfter || plan.overLimitAfter;
  progress.finish(result);
  return result;
}

/** Every entry the core did not remove (other than one already gone) holds all of its units. */
function holdFailures(
  run: FolderRunResult,
  byPath: Map<string, PlannedRemoval>,
  held: Holds,
  how: string,
): void {
  const failures = [
    ...run.skipped.filter((s) => s.why !== 'gone').map((s) => ({ path: s.path, why: s.detail ?? s.why })),
    ...run.errors.map((e) => ({ path: e.path, why: `${e.code}: ${e.message}` })),
  ];
  for (const { path, why } of failures) {
    for (const id of byPath.get(path)?.units ?? []) {
      if (!held.has(id)) held.set(id, `${how}: ${path} ${why}`);
    }
  }
}

function phase(
  input: ExecutePlanInput,
  remove: PlannedRemoval[],
  progress: PhasedProgress,
): ExecutePlanInput {
  return { ...input, plan: { ...input.plan, remove }, onProgress: progress.next() };
}

/** What became of each unit: removed, kept whole, or (only after a failure during removal) partly removed. */
function outcomes(input: ExecutePlanInput, held: Holds, removed: Set<string>): UnitOutcome[] {
  return (input.plan.units ?? []).map((u): UnitOutcome => {
    const base = { id: u.id, label: u.label, reason: u.reason, sizeBytes: u.sizeBytes };
    const why = held.get(u.id);
    if (why === undefined) return { ...base, outcome: 'removed' };
    const some = u.files.some((f) => removed.has(f));
    return {
      ...base,
      outcome: some ? 'partly-removed' : 'kept',
      detail: some ? why : why.replace(/^partly removed/, 'kept'),
    };
  });
}

/** The phases' results as one; the plan's notes once. */
function merge(input: ExecutePlanInput, runs: FolderRunResult[]): FolderRunResult {
  const planNotes = input.plan.notes.length;
  const sum = (value: (r: FolderRunResult) => number | undefined) =>
    runs.reduce((s, r) => s + (value(r) ?? 0), 0);
  return {
    name: input.plan.name,
    removed: runs.flatMap((r) => r.removed),
    skipped: runs.flatMap((r) => r.skipped),
    errors: runs.flatMap((r) => r.errors),
    filesRemoved: sum((r) => r.filesRemoved),
    bytesFreed: sum((r) => r.bytesFreed),
    bytesRemoved: sum((r) => r.bytesRemoved),
    bytesTrashed: sum((r) => r.bytesTrashed),
    removedDirs: runs.flatMap((r) => r.removedDirs),
    overLimitAfter: input.plan.overLimitAfter,
    notes: [...input.plan.notes, ...runs.flatMap((r) => r.notes.slice(planNotes))],
  };
}

/** One progress line across the phases: each phase's counts added to those of the phases before it. */
class PhasedProgress {
  private before = { filesDone: 0, filesRemoved: 0, bytesFreed: 0 };
  private last = { ...this.before };

  constructor(
    private readonly report: ((p: ExecuteProgress) => void) | undefined,
    private readonly total: number,
  ) {}

  next(): ((p: ExecuteProgress) => void) | undefined {
    const report = this.report;
    if (!report) return undefined;
    this.before = { ...this.last };
    const base = { ...this.before };
    return (p) => {
      this.last = {
        filesDone: base.filesDone + p.filesDone,
        filesRemoved: base.filesRemoved + (p.filesRemoved ?? 0),
        bytesFreed: base.bytesFreed + p.bytesFreed,
      };
      report({ ...this.last, filesTotal: this.total });
    };
  }

  finish(result: FolderRunResult): void {
    this.report?.({
      filesDone: this.total,
      filesTotal: this.total,
      filesRemoved: result.filesRemoved,
      bytesFreed: result.bytesFreed,
    });
  }
}
