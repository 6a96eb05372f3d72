/**
 * The cleanup decision for one folder (DESIGN.md "Cleanup semantics"): which files go, and why.
 */
import type {
  FileEntry,
  FolderPlan,
  FolderRules,
  PlannedRemoval,
  RemovalReason,
} from '../../shared/types.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../shared/units.js';
import { compileGlobs, type GlobOptions } from './glob-match.js';
import { oldestFirstOrder } from './oldest-first.js';
import { limitNotes, type HeldBack } from './plan-notes.js';

/** Why a counted file may not be removed; `protected` wins when a file is both. */
type Hold = 'protected' | 'young' | null;

interface Counted {
  file: FileEntry;
  hold: Hold;
}

/** Where the walk stands: what the folder would still hold, and what it has decided so far. */
interface Walk {
  files: number;
  bytes: number;
  remove: PlannedRemoval[];
  kept: { protected: number; young: number };
}

/**
 * Plans the cleanup of one folder at `nowMs`. Pure: the same inputs give the same plan.
 *
 * - Files matching `rules.exclude` are ignored entirely: not counted, never removed.
 * - Held back (counted towards the totals, never removed): files matching `rules.protect`, and young files,
 *   those with `mtimeMs > nowMs - minAgeMinutes * 60 000`. A file exactly `minAgeMinutes` old is no longer
 *   young. A file dated in the future is young.
 * - Every other counted file is a candidate. Candidates are taken oldest first: by `mtimeMs`, ties broken
 *   by `path` in plain code-unit order.
 * 1. age: every candidate older than `maxAgeDays` (`nowMs - mtimeMs > maxAgeDays` days; a file exactly
 *    `maxAgeDays` old stays) is removed, reason `age`.
 * 2. count: while more than `maxFiles` counted files would remain, the oldest candidate is removed,
 *    reason `count`.
 * 3. size: if, after steps 1 and 2, the remaining files are larger than `maxSizeBytes`, the oldest
 *    candidates are removed, reason `size`, until the rest is at or under `sizeTargetPercent` of the limit.
 *    A folder that steps 1–2 brought to or under the limit is left alone by this step.
 *
 * `kept` counts held-back files that the walk through the folder, oldest first, reached while a rule still
 * wanted a file removed: an old protected file, or a young file passed over while the folder was still
 * over its count or size target. These are the files that would have gone had they not been held back.
 * Held-back files newer than the last file any rule wanted are not in `kept`.
 *
 * `overLimitAfter` is true when a limit still fails after the plan (more than `maxFiles` files, more
 * than `maxSizeBytes` bytes, or a file older than `maxAgeDays`); that can only be held-back files, and
 * `notes` holds one sentence per such limit saying how much of it is protected and how much is young.
 *
 * A disabled folder plans nothing. Runs in O(n log n): one sort, one pass.
 */
export function planFolder(
  files: readonly FileEntry[],
  rules: FolderRules,
  nowMs: number,
  globOptions: GlobOptions = {},
): FolderPlan {
  const plan: FolderPlan = {
    name: rules.name,
    remove: [],
    bytesToFree: 0,
    overLimitAfter: false,
    notes: [],
    kept: { protected: 0, young: 0 },
  };
  if (!rules.enabled) return plan;

  const counted = classify(files, rules, nowMs, globOptions);
  const order = oldestFirstOrder(counted.map((c) => c.file));
  const walk = walkOldestFirst(counted, order, rules, nowMs);
  const notes = limitNotes(rules, { files: walk.files, bytes: walk.bytes }, heldBack(counted, rules, nowMs));

  plan.remove = walk.remove;
  plan.bytesToFree = walk.remove.reduce((sum, r) => sum + r.sizeBytes, 0);
  plan.kept = walk.kept;
  plan.notes = notes;
  plan.overLimitAfter = notes.length > 0;
  return plan;
}

/** Drops excluded files and marks the ones held back. */
function classify(
  files: readonly FileEntry[],
  rules: FolderRules,
  nowMs: number,
  globOptions: GlobOptions,
): Counted[] {
  const isExcluded = compileGlobs(rules.exclude, globOptions);
  const isProtected = compileGlobs(rules.protect, globOptions);
  const youngAfterMs = nowMs - rules.minAgeMinutes * MS_PER_MINUTE;
  const counted: Counted[] = [];
  for (const file of files) {
    if (isExcluded(file.path)) continue;
    const hold: Hold = isProtected(file.path) ? 'protected' : file.mtimeMs > youngAfterMs ? 'young' : null;
    counted.push({ file, hold });
  }
  return counted;
}

/**
 * One pass over the files in `order` (oldest first). The three rules can share one pass because their
 * selections are monotone: old files form a prefix of the order, the count rule stops wanting files once
 * satisfied, and the size rule is armed once, when the first two are done. Plain locals, not closures:
 * this loop runs a million times on a folder like the 1.7-million-file temp folder in DESIGN.md.
 */
function walkOldestFirst(
  counted: readonly Counted[],
  order: Uint32Array,
  rules: FolderRules,
  nowMs: number,
): Walk {
  const isOld = olderThanMaxAge(rules, nowMs);
  const maxFiles = rules.maxFiles ?? Infinity;
  const maxBytes = rules.maxSizeBytes ?? Infinity;
  const targetBytes = (maxBytes * rules.sizeTargetPercent) / 100;
  let files = counted.length;
  let bytes = counted.reduce((sum, c) => sum + c.file.sizeBytes, 0);
  let sizeArmed: boolean | null = null;
  const remove: PlannedRemoval[] = [];
  const kept = { protected: 0, young: 0 };

  for (let k = 0; k < order.length; k++) {
    const { file, hold } = counted[order[k]!]!;
    let reason: RemovalReason;
    if (isOld(file)) reason = 'age';
    else if (files > maxFiles) reason = 'count';
    else {
      sizeArmed ??= bytes > maxBytes;
      if (!sizeArmed || bytes <= targetBytes) break;
      reason = 'size';
    }
    if (hold !== null) {
      kept[hold]++;
      continue;
    }
    remove.push({
      path: file.path,
      sizeBytes: file.sizeBytes,
      mtimeMs: file.mtimeMs,
      dev: file.dev,
      ino: file.ino,
      reason,
    });
    files--;
    bytes -= file.sizeBytes;
  }
  return { files, bytes, remove, kept };
}

/** Age as the rule states it, `nowMs - mtimeMs > maxAgeDays` days; monotone in mtime, so old files sort first. */
function olderThanMaxAge(rules: FolderRules, nowMs: number): (file: FileEntry) => boolean {
  const { maxAgeDays } = rules;
  if (maxAgeDays === null) return () => false;
  const maxAgeMs = maxAgeDays * MS_PER_DAY;
  return (file) => nowMs - file.mtimeMs > maxAgeMs;
}

/** Totals of the held-back files, overall and among those older than the age limit. */
function heldBack(counted: readonly Counted[], rules: FolderRules, nowMs: number): HeldBack {
  const isOld = olderThanMaxAge(rules, nowMs);
  const held: HeldBack = {
    protected: { files: 0, bytes: 0, oldFiles: 0 },
    young: { files: 0, bytes: 0, oldFiles: 0 },
  };
  for (const { file, hold } of counted) {
    if (hold === null) continue;
    const totals = held[hold];
    totals.files++;
    totals.bytes += file.sizeBytes;
    if (isOld(file)) totals.oldFiles++;
  }
  return held;
}
