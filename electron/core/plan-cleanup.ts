/**
 * The cleanup decision for one folder (DESIGN.md "Cleanup semantics"): which files go, and why.
 */
import type { FolderPlan, FolderRules, PlannedRemoval, RemovalReason } from '../../shared/types.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../shared/units.js';
import type { FileColumns } from './file-columns.js';
import { compileGlobs, folderGlobOptions } from './glob-match.js';
import { oldestFirstOrderOf } from './oldest-first.js';
import { limitNotes, type HeldBack } from './plan-notes.js';

/** Why a counted file may not be removed, as a code per file; `protected` wins when a file is both. */
const FREE = 0;
const PROTECTED = 1;
const YOUNG = 2;
const HOLD_NAMES = [null, 'protected', 'young'] as const;

/**
 * The files that count, in input order, as columns rather than an object per file: `index[k]` is the
 * file's index in the input, `hold[k]` its hold code, `mtimeMs[k]` its mtime.
 */
interface Counted {
  files: FileColumns;
  length: number;
  index: Uint32Array;
  hold: Uint8Array;
  mtimeMs: Float64Array;
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
 *
 * `files` is an array of entries or columns (the scan's `PackedFiles`): the same plan either way. From
 * columns, a plan holds a few typed arrays and decodes a path only to match non-empty globs, to order files
 * that share an mtime, and for each planned removal.
 */
export function planFolder(files: FileColumns, rules: FolderRules, nowMs: number): FolderPlan {
  const plan: FolderPlan = {
    name: rules.name,
    remove: [],
    bytesToFree: 0,
    overLimitAfter: false,
    notes: [],
    kept: { protected: 0, young: 0 },
  };
  if (!rules.enabled) return plan;

  const counted = classify(files, rules, nowMs);
  const { files: columns, index } = counted;
  const order = oldestFirstOrderOf(counted.length, counted.mtimeMs, (k) => columns.path(index[k]!));
  const walk = walkOldestFirst(counted, order, rules, nowMs);
  const notes = limitNotes(rules, { files: walk.files, bytes: walk.bytes }, heldBack(counted, rules, nowMs));

  plan.remove = walk.remove;
  plan.counted = { files: counted.length, bytes: countedBytes(counted) };
  plan.bytesToFree = walk.remove.reduce((sum, r) => sum + r.sizeBytes, 0);
  plan.kept = walk.kept;
  plan.notes = notes;
  plan.overLimitAfter = notes.length > 0;
  return plan;
}

/** Drops excluded files and marks the ones held back. */
function classify(files: FileColumns, rules: FolderRules, nowMs: number): Counted {
  const globOptions = folderGlobOptions(rules);
  const isExcluded = compileGlobs(rules.exclude, globOptions);
  const isProtected = compileGlobs(rules.protect, globOptions);
  // Decoding a million paths costs time and garbage; with no globs nothing needs them.
  const needsPath = rules.exclude.length > 0 || rules.protect.length > 0;
  const youngAfterMs = nowMs - rules.minAgeMinutes * MS_PER_MINUTE;
  const n = files.count;
  const counted: Counted = {
    files,
    length: 0,
    index: new Uint32Array(n),
    hold: new Uint8Array(n),
    mtimeMs: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const path = needsPath ? files.path(i) : '';
    if (isExcluded(path)) continue;
    const mtimeMs = files.mtimeMs[i]!;
    const k = counted.length++;
    counted.index[k] = i;
    counted.mtimeMs[k] = mtimeMs;
    counted.hold[k] = isProtected(path) ? PROTECTED : mtimeMs > youngAfterMs ? YOUNG : FREE;
  }
  return counted;
}

/**
 * One pass over the files in `order` (oldest first). The three rules can share one pass because their
 * selections are monotone: old files form a prefix of the order, the count rule stops wanting files once
 * satisfied, and the size rule is armed once, when the first two are done. Plain locals, not closures:
 * this loop runs a million times on a folder like the 1.7-million-file temp folder in DESIGN.md.
 */
function walkOldestFirst(counted: Counted, order: Uint32Array, rules: FolderRules, nowMs: number): Walk {
  const { files: columns, index, hold, mtimeMs } = counted;
  const maxAgeMs = maxAgeMsOf(rules);
  const maxFiles = rules.maxFiles ?? Infinity;
  const maxBytes = rules.maxSizeBytes ?? Infinity;
  const targetBytes = (maxBytes * rules.sizeTargetPercent) / 100;
  let files = counted.length;
  let bytes = countedBytes(counted);
  let sizeArmed: boolean | null = null;
  const remove: PlannedRemoval[] = [];
  const kept = { protected: 0, young: 0 };

  for (let o = 0; o < order.length; o++) {
    const k = order[o]!;
    let reason: RemovalReason;
    if (nowMs - mtimeMs[k]! > maxAgeMs) reason = 'age';
    else if (files > maxFiles) reason = 'count';
    else {
      sizeArmed ??= bytes > maxBytes;
      if (!sizeArmed || bytes <= targetBytes) break;
      reason = 'size';
    }
    const held = HOLD_NAMES[hold[k]!] ?? null;
    if (held !== null) {
      kept[held]++;
      continue;
    }
    const i = index[k]!;
    const sizeBytes = columns.sizeBytes[i]!;
    remove.push({
      path: columns.path(i),
      sizeBytes,
      mtimeMs: mtimeMs[k]!,
      dev: columns.dev[i]!,
      ino: columns.ino[i]!,
      reason,
    });
    files--;
    bytes -= sizeBytes;
  }
  return { files, bytes, remove, kept };
}

/** The counted files' bytes, summed in input order (as before columns: the float sum is the same). */
function countedBytes({ files, index, length }: Counted): number {
  let bytes = 0;
  for (let k = 0; k < length; k++) bytes += files.sizeBytes[index[k]!]!;
  return bytes;
}

/**
 * Age as the rule states it: a file is old when `nowMs - mtimeMs > maxAgeDays` days, so no file is old
 * without an age limit (NaN ages are never old either). Monotone in mtime, so old files sort first.
 */
function maxAgeMsOf(rules: FolderRules): number {
  return rules.maxAgeDays === null ? Infinity : rules.maxAgeDays * MS_PER_DAY;
}

/** Totals of the held-back files, overall and among those older than the age limit. */
function heldBack(counted: Counted, rules: FolderRules, nowMs: number): HeldBack {
  const maxAgeMs = maxAgeMsOf(rules);
  const held: HeldBack = {
    protected: { files: 0, bytes: 0, oldFiles: 0 },
    young: { files: 0, bytes: 0, oldFiles: 0 },
  };
  for (let k = 0; k < counted.length; k++) {
    const name = HOLD_NAMES[counted.hold[k]!] ?? null;
    if (name === null) continue;
    const totals = held[name];
    totals.files++;
    totals.bytes += counted.files.sizeBytes[counted.index[k]!]!;
    if (nowMs - counted.mtimeMs[k]! > maxAgeMs) totals.oldFiles++;
  }
  return held;
}
