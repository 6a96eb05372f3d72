/**
 * One race-fuzz case end to end on real folders: build the tree, scan and plan it, mutate between
 * planning and removal, run the executor with mutations firing during the removal, then check every
 * property. The case folder is removed afterwards, whatever happened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { planFolder } from '../../../electron/core/plan-cleanup.js';
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import type { FolderPlan, FolderRules, PlannedRemoval } from '../../../shared/types.js';
import { applyMutation, type ResolvedMutation } from './apply-mutation.js';
import { buildCaseTree, hashTree, scanEntries, tagCensus, type CaseTree } from './case-tree.js';
import { checkRaceRun } from './check-race-run.js';
import { CASE_DIRS, type MutationSpec, type RaceCase } from './race-case.js';
import { LAST_LOOK, RaceHarness, type DuringTrigger } from './race-harness.js';
import { columnsOf } from '../../../bench/lib/entries-as-columns.js';

/** Counts for the fuzzer's own report: proof that mutations really landed. */
export interface RaceStats {
  planned: number;
  removed: number;
  skipped: Record<string, number>;
  applied: { between: number; during: number };
  heldBack: number;
}

export interface RaceOutcome {
  problems: string[];
  stats: RaceStats;
}

function rulesFor(root: string, c: RaceCase): FolderRules {
  return {
    name: 'fuzz',
    path: root,
    maxSizeBytes: c.rules.maxSizeBytes,
    maxFiles: c.rules.maxFiles,
    maxAgeDays: c.rules.maxAgeDays,
    minAgeMinutes: 10,
    sizeTargetPercent: c.rules.sizeTargetPercent,
    exclude: c.rules.exclude,
    protect: c.rules.protect,
    action: 'delete',
    enabled: true,
    caseSensitiveGlobs: true,
    kind: 'files',
    manifestFile: null,
    retentionHours: null,
  };
}

/** Chooses the paths a mutation hits: planned files first (the interesting ones), folders of the tree. */
function resolver(c: RaceCase, plan: FolderPlan) {
  const plannedPaths = plan.remove.map((p) => p.path);
  const filePaths = c.files.map((f) => f.path);
  const dirs = CASE_DIRS.filter((d) => d !== '' && filePaths.some((f) => f.startsWith(`${d}/`)));
  return (m: MutationSpec): ResolvedMutation | null => {
    if (m.kind.startsWith('dir-')) {
      const dir = dirs[m.target % Math.max(1, dirs.length)];
      return dir === undefined ? null : { kind: m.kind, target: dir, other: m.other };
    }
    const pool = plannedPaths.length > 0 ? plannedPaths : filePaths;
    const target = pool[m.target % pool.length] as string;
    let source = filePaths[m.other % filePaths.length] as string;
    if (source === target) source = filePaths[(m.other + 1) % filePaths.length] as string;
    return { kind: m.kind, target, source: source === target ? undefined : source, other: m.other };
  };
}

/** The planned files a mutation hits, each with the label its skip reason is judged by. */
function hitsOf(m: ResolvedMutation, planned: ReadonlySet<string>): [string, string][] {
  if (m.kind.startsWith('dir-')) {
    return [...planned].filter((p) => p.startsWith(`${m.target}/`)).map((p) => [p, m.kind]);
  }
  if (m.kind === 'new-file') return [];
  const hits: [string, string][] = planned.has(m.target) ? [[m.target, m.kind]] : [];
  if (m.kind === 'rename-onto' && m.source !== undefined && planned.has(m.source)) {
    hits.push([m.source, 'rename-onto:source']);
  }
  return hits;
}

/**
 * Which executor path a case drives: `port`, the file-by-file path through the `FsOps` port; `sync`, the
 * fast path's synchronous core (the code the delete worker runs) through a synchronous port on this
 * thread, so mutations land at the same exact calls.
 */
export type RaceMode = 'port';

export async function runRaceCase(
  c: RaceCase,
  caseDir: string,
  mode: RaceMode = 'port',
): Promise<RaceOutcome> {
  try {
    return await runInFolder(c, caseDir, mode);
  } finally {
    fs.rmSync(caseDir, { recursive: true, force: true });
  }
}

/** Applies mutations and keeps the books: what each planned file was hit by, what tags came and went. */
function mutationBook(c: RaceCase, plan: FolderPlan, tree: CaseTree, stats: RaceStats) {
  const planned = new Set(plan.remove.map((p) => p.path));
  const book = {
    effects: new Map<string, string[]>(),
    destroyed: new Set<string>(),
    created: new Set<string>(),
    harness: null as RaceHarness | null,
  };
  const resolve = resolver(c, plan);
  const apply = (spec: MutationSpec) => {
    const m = resolve(spec);
    if (m === null) return;
    const { harness } = book;
    const hits = hitsOf(m, planned).filter(([p]) => !harness?.isUnlinked(p));
    if (harness && hits.some(([p]) => harness.armed.has(p))) return void stats.heldBack++;
    const effect = applyMutation(m, tree);
    if (effect === null) return;
    stats.applied[harness ? 'during' : 'between']++;
    for (const [p, label] of hits) book.effects.set(p, [...(book.effects.get(p) ?? []), label]);
    effect.destroyed.forEach((t) => book.destroyed.add(t));
    effect.created.forEach((t) => book.created.add(t));
  };
  return { book, apply, planned };
}

/**
 * The mutations that fire during the removal, each on the executor's nth look at a planned file. The fast
 * path looks once (`lastLook` 1): there every trigger fires on that one look, before or after it.
 */
function duringTriggers(
  c: RaceCase,
  plan: FolderPlan,
  apply: (m: MutationSpec) => void,
  lastLook: number,
): DuringTrigger[] {
  const triggers: DuringTrigger[] = [];
  for (const spec of c.mutations) {
    const t = spec.trigger;
    if (t.phase !== 'during' || plan.remove.length === 0) continue;
    const onPath = (plan.remove[t.onItem % plan.remove.length] as PlannedRemoval).path;
    triggers.push({ onPath, nth: Math.min(t.nth, lastLook), at: t.at, fire: () => apply(spec) });
  }
  return triggers;
}

async function runInFolder(c: RaceCase, caseDir: string, _mode: RaceMode): Promise<RaceOutcome> {
  const nowMs = Date.now();
  const tree = buildCaseTree(caseDir, c.files, nowMs);
  const outsideBefore = hashTree(tree.outside);
  const rules = rulesFor(tree.root, c);
  const plan = planFolder(columnsOf(scanEntries(tree.root)), rules, nowMs);
  const census = tagCensus(tree.root);
  const stats: RaceStats = {
    planned: plan.remove.length,
    removed: 0,
    skipped: {},
    applied: { between: 0, during: 0 },
    heldBack: 0,
  };
  const { book, apply, planned } = mutationBook(c, plan, tree, stats);
  for (const spec of c.mutations) if (spec.trigger.phase === 'between') apply(spec);
  const harness = new RaceHarness(tree.root, planned, duringTriggers(c, plan, apply, LAST_LOOK), LAST_LOOK);
  book.harness = harness;
  const result = await executePlan({ root: tree.root, plan, rules, nowMs: Date.now, dirFs: harness.dirFs });

  stats.removed = result.removed.length;
  for (const s of result.skipped) stats.skipped[s.why] = (stats.skipped[s.why] ?? 0) + 1;
  const problems = checkRaceRun({
    plan,
    result,
    harness,
    plannedTags: new Map([...census].map(([tag, rel]) => [rel, tag])),
    tagsAtPlan: new Set(census.keys()),
    destroyed: book.destroyed,
    created: book.created,
    tagsAfter: tagCensus(tree.root),
    effects: book.effects,
    outsideBefore,
    outsideAfter: hashTree(tree.outside),
    plantedLinksIntact: plantedLinksIntact(tree),
  });
  return { problems, stats };
}

function plantedLinksIntact(tree: CaseTree): boolean {
  return ['planted-dir-link', 'planted-file-link.wav'].every((name) => {
    try {
      return fs.lstatSync(path.join(tree.root, name)).isSymbolicLink();
    } catch {
      return false;
    }
  });
}
