/**
 * The cleanup decision for a `kind: manifest` folder (issue 11): whole tokens and orphan files, never part
 * of a token. Pure: the scan, the parsed token file and the clock come in as values.
 */
import type { FolderRules } from '../../../shared/types.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../../shared/units.js';
import type { FileColumns } from '../file-columns.js';
import type { ManifestPlan, ManifestReason, ManifestUnit, TokenFileContents } from './manifest-types.js';
import { manifestNotes } from './manifest-notes.js';
import { orphanLabel, tokenLabel } from './unit-label.js';
import { resolveTokens, type ResolvedToken, type ScannedFile } from './resolve-tokens.js';

export interface ManifestPlanInput {
  files: FileColumns;
  contents: TokenFileContents;
  rules: FolderRules;
  /** A token with `created_at` and no `expires_at` expires this many hours after it was created. */
  retentionHours: number;
  /** The token file's path relative to the folder; null when it lies outside. Never an orphan. */
  tokenFilePath: string | null;
  /** Listed paths that are there but are no file the scan saw (links, devices, unreadable), with what they are. */
  unremovable: ReadonlyMap<string, string>;
  nowMs: number;
}

/**
 * Plans one manifest folder at `nowMs`:
 * 1. expired: every token whose `expires_at` (or `created_at` + `retentionHours`) is at or before now,
 *    soonest expiry first, with its files.
 * 2. orphans: every counted file that no entry of the token file lists (directly or under a listed folder),
 *    older than `minAgeMinutes`, oldest first; never the token file or its temp files. Skipped, with a note,
 *    when an entry's file list could not be read, since any file might be that entry's.
 * 3. the folder's limits over the tokens left, oldest first (by `created_at`, else the newest of their
 *    files; ties by id): `age` (older than `maxAgeDays`), `count` (more than `maxFiles` tokens), `size`
 *    (over `maxSizeBytes`: down to `sizeTargetPercent` of it).
 * A token that a rule selects but one of whose files is protected, young, excluded or not a regular file,
 * or that lists a path leaving the folder, is kept whole and listed in `held` with why. A file listed by
 * two tokens goes with the last of them to go; until then it is `shared`.
 */
export function planManifestFolder(input: ManifestPlanInput): ManifestPlan {
  const { rules, nowMs } = input;
  const plan: ManifestPlan = { units: [], bytesToFree: 0, overLimitAfter: false, notes: [], held: [] };
  if (!rules.enabled) return plan;
  const folder = resolveTokens(input);
  const walk = { tokens: folder.tokens.length, bytes: folder.totalBytes };
  const take = (t: ResolvedToken, reason: ManifestReason) => {
    const unit = tokenUnit(t, reason, nowMs, input.retentionHours);
    plan.units.push(unit);
    walk.tokens--;
    walk.bytes -= unit.sizeBytes;
  };

  // Before any token lets go of its files: a file that loses its last token is that token's, not an orphan.
  const orphansUnknown = input.contents.problems.some((p) => p.files === null);
  const orphanFiles = orphansUnknown ? [] : orphans(folder.files, input.tokenFilePath);

  const expiry = (t: ResolvedToken) => expiresAtMs(t, input.retentionHours);
  const expired = folder.tokens
    .filter((t) => expiry(t) !== null && expiry(t)! <= nowMs)
    .sort((a, b) => expiry(a)! - expiry(b)! || byId(a, b));
  for (const t of expired) {
    if (t.hold) plan.held.push({ id: t.token.id, reason: 'expired', why: t.hold });
    else take(t, 'expired');
  }

  for (const file of orphanFiles) {
    const unit = orphanUnit(file, nowMs);
    plan.units.push(unit);
    walk.bytes -= unit.sizeBytes;
  }

  const expiredSet = new Set(expired);
  const rest = folder.tokens.filter((t) => !expiredSet.has(t)).sort(oldestFirst);
  const maxAgeMs = rules.maxAgeDays === null ? Infinity : rules.maxAgeDays * MS_PER_DAY;
  const maxTokens = rules.maxFiles ?? Infinity;
  const maxBytes = rules.maxSizeBytes ?? Infinity;
  const targetBytes = (maxBytes * rules.sizeTargetPercent) / 100;
  let sizeArmed: boolean | null = null;
  for (const t of rest) {
    let reason: ManifestReason;
    if (t.timeMs !== null && nowMs - t.timeMs > maxAgeMs) reason = 'age';
    else if (walk.tokens > maxTokens) reason = 'count';
    else {
      sizeArmed ??= walk.bytes > maxBytes;
      if (!sizeArmed || walk.bytes <= targetBytes) break;
      reason = 'size';
    }
    if (t.hold) plan.held.push({ id: t.token.id, reason, why: t.hold });
    else take(t, reason);
  }

  plan.bytesToFree = plan.units.reduce((sum, u) => sum + u.sizeBytes, 0);
  const notes = manifestNotes({
    rules,
    after: walk,
    held: plan.held,
    contents: input.contents,
    orphansUnknown,
  });
  plan.notes = notes.notes;
  plan.overLimitAfter = notes.overLimit;
  return plan;
}

/** When a token expires: `expires_at`, else `created_at` + retention; null when it has neither. */
export function expiresAtMs(t: ResolvedToken, retentionHours: number): number | null {
  const { expiresAtMs: expires, createdAtMs: created } = t.token;
  if (expires !== null) return expires;
  return created === null ? null : created + retentionHours * MS_PER_HOUR;
}

/**
 * Builds the unit and releases the token's hold on its files: a file goes with the unit only when no
 * other token still lists it.
 */
function tokenUnit(
  t: ResolvedToken,
  reason: ManifestReason,
  nowMs: number,
  retentionHours: number,
): ManifestUnit {
  const files: ScannedFile[] = [];
  const shared: string[] = [];
  for (const file of t.files) {
    file.refs--;
    if (file.refs === 0) files.push(file);
    else shared.push(file.path);
  }
  const unit: ManifestUnit = {
    kind: 'token',
    id: t.token.id,
    reason,
    files: files.map(({ path, sizeBytes, mtimeMs, dev, ino }) => ({ path, sizeBytes, mtimeMs, dev, ino })),
    shared,
    missing: t.missing,
    sizeBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0),
    label: '',
  };
  unit.label = tokenLabel(unit, { nowMs, expiresAtMs: expiresAtMs(t, retentionHours), timeMs: t.timeMs });
  return unit;
}

function orphanUnit(file: ScannedFile, nowMs: number): ManifestUnit {
  const { path, sizeBytes, mtimeMs, dev, ino } = file;
  const unit: ManifestUnit = {
    kind: 'orphan',
    id: path,
    reason: 'orphan',
    files: [{ path, sizeBytes, mtimeMs, dev, ino }],
    shared: [],
    missing: [],
    sizeBytes,
    label: '',
  };
  unit.label = orphanLabel(unit, nowMs - mtimeMs);
  return unit;
}

/** Files no entry lists, past the grace period and not protected, oldest first (ties by path). */
function orphans(files: readonly ScannedFile[], tokenFilePath: string | null): ScannedFile[] {
  const isTokenFile = tokenFileMatcher(tokenFilePath);
  return files
    .filter((f) => f.refs === 0 && f.hold === null && !isTokenFile(f.path))
    .sort((a, b) => a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The token file, and the temp files an atomic rewrite of it leaves for a moment (`.NAME.PID.HEX.tmp`). */
function tokenFileMatcher(tokenFilePath: string | null): (path: string) => boolean {
  if (tokenFilePath === null) return () => false;
  const slash = tokenFilePath.lastIndexOf('/');
  const dir = tokenFilePath.slice(0, slash + 1);
  const tempPrefix = `${dir}.${tokenFilePath.slice(slash + 1)}.`;
  return (path) => path === tokenFilePath || (path.startsWith(tempPrefix) && path.endsWith('.tmp'));
}

/** Oldest first; a token with no time at all (no `created_at`, no file) last; ties by id. */
function oldestFirst(a: ResolvedToken, b: ResolvedToken): number {
  const ta = a.timeMs ?? Infinity;
  const tb = b.timeMs ?? Infinity;
  return ta < tb ? -1 : ta > tb ? 1 : byId(a, b);
}

function byId(a: ResolvedToken, b: ResolvedToken): number {
  return a.token.id < b.token.id ? -1 : a.token.id > b.token.id ? 1 : 0;
}
