/**
 * The race fuzzer's properties, checked after one run: nothing outside the root changed; nothing was
 * removed that was not planned or that changed after planning; the run record says exactly what happened.
 * Returns one sentence per violation (empty when the run was right).
 */
import type { FolderPlan, FolderRunResult, PlannedRemoval, SkipWhy } from '../../../shared/types.js';
import type { RaceHarness } from './race-harness.js';

/** What a mutation that hit a planned file (or a folder above it) may make the executor say. */
const ALLOWED_SKIPS: Record<string, readonly SkipWhy[]> = {
  delete: ['gone'],
  'rename-away': ['gone'],
  'rename-onto': ['changed'],
  'rename-onto:source': ['gone'],
  grow: ['changed'],
  touch: ['changed'],
  'replace-same': ['changed'],
  'file-to-link': ['not-a-regular-file'],
  'dir-to-link': ['outside-root', 'changed'],
  'dir-delete': ['gone'],
  'dir-to-file': ['changed', 'outside-root'],
};

export interface RaceEvidence {
  plan: FolderPlan;
  result: FolderRunResult;
  harness: RaceHarness;
  /** Tag of each planned file at planning time, by path. */
  plannedTags: ReadonlyMap<string, string>;
  /** Every tag in the root at planning time. */
  tagsAtPlan: ReadonlySet<string>;
  /** Tags the mutations destroyed or created themselves. */
  destroyed: ReadonlySet<string>;
  created: ReadonlySet<string>;
  /** Tag → path of every tagged file in the root after the run. */
  tagsAfter: ReadonlyMap<string, string>;
  /** Mutations that hit each planned file before the executor removed it. */
  effects: ReadonlyMap<string, string[]>;
  outsideBefore: string;
  outsideAfter: string;
  plantedLinksIntact: boolean;
}

/** Every property; an empty list means the run was right. */
export function checkRaceRun(ev: RaceEvidence): string[] {
  const problems: string[] = [];
  if (ev.outsideBefore !== ev.outsideAfter) problems.push('the folder outside the root changed');
  if (!ev.plantedLinksIntact) problems.push('a link planted in the root was removed or followed');
  const planned = new Map(ev.plan.remove.map((p) => [p.path, p]));
  problems.push(...checkUnlinks(ev, planned), ...checkDisappeared(ev));
  problems.push(...checkAccounting(ev, planned), ...checkReasons(ev));
  return problems;
}

/** Each removal removed the planned file itself: same device, inode, size, mtime and tag. */
function checkUnlinks(ev: RaceEvidence, planned: Map<string, PlannedRemoval>): string[] {
  const problems: string[] = [];
  for (const u of ev.harness.unlinks) {
    const item = planned.get(u.rel);
    const was = u.before;
    if (!item) problems.push(`unlinked ${u.rel}, which was not planned`);
    // An unlink of a path where nothing is fails with ENOENT and harms nothing.
    else if (!was) {
      if (u.ok) problems.push(`unlinked ${u.rel} when nothing was there`);
    } else if (!was.isFile) problems.push(`unlinked ${u.rel}, which was not a regular file`);
    else if (was.dev !== item.dev || was.ino !== item.ino || was.size !== item.sizeBytes) {
      problems.push(`unlinked ${u.rel}, but it was another file than planned (inode or size differ)`);
    } else if (was.mtimeMs !== item.mtimeMs) problems.push(`unlinked ${u.rel} after its mtime changed`);
    else if (was.tag !== ev.plannedTags.get(u.rel)) problems.push(`unlinked ${u.rel} with another tag`);
    if (u.ok && u.stillThere) problems.push(`${u.rel} was still there after its unlink`);
  }
  return problems;
}

/** Every file that vanished from the root (and not by a mutation) went through a logged unlink. */
function checkDisappeared(ev: RaceEvidence): string[] {
  const unlinkedTags = new Set(ev.harness.unlinks.filter((u) => u.ok).map((u) => u.before?.tag));
  const problems: string[] = [];
  for (const tag of [...ev.tagsAtPlan, ...ev.created]) {
    if (ev.destroyed.has(tag) || ev.tagsAfter.has(tag) || unlinkedTags.has(tag)) continue;
    problems.push(`file ${tag} disappeared without a removal by the executor`);
  }
  for (const u of ev.harness.unlinks) {
    if (u.ok && u.before?.tag && ev.tagsAfter.has(u.before.tag)) {
      problems.push(`${u.rel} is recorded as unlinked but its file is still in the root`);
    }
  }
  return problems;
}

/** Every planned file is in exactly one of removed/skipped/errors, and removed means unlinked. */
function checkAccounting(ev: RaceEvidence, planned: Map<string, PlannedRemoval>): string[] {
  const { result } = ev;
  const problems: string[] = [];
  const listed = [...result.removed, ...result.skipped, ...result.errors].map((r) => r.path);
  const counts = new Map<string, number>();
  for (const p of listed) counts.set(p, (counts.get(p) ?? 0) + 1);
  for (const p of planned.keys()) {
    if (counts.get(p) !== 1) problems.push(`${p} is listed ${counts.get(p) ?? 0} times in the record`);
  }
  for (const p of counts.keys()) if (!planned.has(p)) problems.push(`${p} is in the record but not planned`);
  for (const e of result.errors) problems.push(`error on ${e.path}: ${e.code} ${e.message}`);
  const unlinked = new Set(ev.harness.unlinks.filter((u) => u.ok).map((u) => u.rel));
  for (const r of result.removed) {
    if (!unlinked.has(r.path)) problems.push(`${r.path} is recorded as removed but was never unlinked`);
  }
  if (unlinked.size !== result.removed.length) {
    problems.push(`${unlinked.size} files were unlinked but ${result.removed.length} are recorded`);
  }
  if (result.filesRemoved !== result.removed.length) problems.push('filesRemoved disagrees with removed');
  const bytes = result.removed.reduce((sum, r) => sum + r.sizeBytes, 0);
  if (result.bytesRemoved !== bytes) problems.push('bytesRemoved disagrees with removed');
  if (result.bytesFreed < bytes) problems.push('bytesFreed is less than the removed files occupied');
  return problems;
}

/**
 * A skipped file was hit by a mutation that explains its reason. (A removed file may have been hit too: a
 * file moved away and back is still the planned file; checkUnlinks proves what was removed was that file.)
 */
function checkReasons(ev: RaceEvidence): string[] {
  const problems: string[] = [];
  for (const s of ev.result.skipped) {
    const hits = ev.effects.get(s.path) ?? [];
    const allowed = new Set(hits.flatMap((h) => ALLOWED_SKIPS[h] ?? []));
    if (!allowed.has(s.why)) {
      const cause = hits.length === 0 ? 'no mutation hit it' : `after ${hits.join(', ')}`;
      problems.push(`${s.path} skipped as ${s.why} (${s.detail ?? ''}), ${cause}`);
    }
  }
  return problems;
}
