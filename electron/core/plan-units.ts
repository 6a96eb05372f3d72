/**
 * The cleanup decision for a folder whose unit is not a file (DESIGN.md invariant 8): whole revisions or
 * model tags go, never part of one, and a blob only when no unit left uses it.
 */
import type {
  FolderPlan,
  FolderRules,
  PlannedRemoval,
  PlannedUnit,
  RemovalReason,
} from '../../shared/types.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../shared/units.js';
import { emptyPlan } from './empty-plan.js';
import { compileGlobs, folderGlobOptions } from './glob-match.js';
import type { StoreEntry, StoreTree, StoreUnit } from './store-tree.js';
import { garbageLabel, unitLabel, unitNotes, type HeldUnits } from './unit-notes.js';

type Hold = 'protected' | 'young' | null;

interface Candidate {
  unit: StoreUnit;
  lastUsedMs: number | null;
  hold: Hold;
}

/**
 * Plans `tree` at `nowMs`. Pure.
 *
 * - Garbage goes first, whatever the limits, once older than the grace period: partial downloads (reason
 *   `partial`) and blobs no unit uses (reason `orphan`).
 * - A unit's last use is the newest access time of its blobs (modification time where the mount records
 *   no access times, `tree.useAtime`), as Hugging Face's own `last_accessed`.
 * - Held back: a unit any of whose entries or blobs matches `protect` or `exclude`, or was modified within
 *   the grace period (a download in progress).
 * - Candidates are taken detached first, then least recently used, ties by id:
 *   1. age: every unit last used more than `maxAgeDays` ago;
 *   2. count: while more than `maxFiles` units remain (`max_files` counts units);
 *   3. size: if still over `maxSizeBytes`, until at or under `sizeTargetPercent` of it.
 * - Removing a unit frees its own entries, each blob no remaining unit uses, and, with the last unit of a
 *   repo, the repo's own files.
 */
export function planUnits(tree: StoreTree, rules: FolderRules, nowMs: number): FolderPlan {
  const plan = emptyPlan(rules.name);
  if (!rules.enabled) return plan;
  const state = new PlanState(tree, rules, nowMs);
  state.removeGarbage();
  const candidates = tree.units
    .map((unit) => state.candidate(unit))
    .sort(
      (a, b) =>
        Number(b.unit.detached) - Number(a.unit.detached) ||
        (a.lastUsedMs ?? -Infinity) - (b.lastUsedMs ?? -Infinity) ||
        (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0),
    );
  const maxAgeMs = rules.maxAgeDays === null ? Infinity : rules.maxAgeDays * MS_PER_DAY;
  state.pass(candidates, 'age', (c) => c.lastUsedMs !== null && nowMs - c.lastUsedMs > maxAgeMs);
  state.pass(candidates, 'count', () => state.unitsLeft > (rules.maxFiles ?? Infinity));
  if (state.bytes > (rules.maxSizeBytes ?? Infinity)) {
    const target = ((rules.maxSizeBytes ?? 0) * rules.sizeTargetPercent) / 100;
    state.pass(candidates, 'size', () => state.bytes > target);
  }
  plan.remove = state.remove;
  plan.keepDirs = [...tree.keepDirs, ...state.survivingGroupDirs()];
  plan.units = state.units;
  plan.bytesToFree = state.units.reduce((sum, u) => sum + u.sizeBytes, 0);
  plan.kept = { protected: state.held.protected.units, young: state.held.young.units };
  const limitNotes = unitNotes(
    rules,
    tree.unitNoun,
    { units: state.unitsLeft, bytes: state.bytes },
    state.held,
  );
  plan.overLimitAfter = limitNotes.length > 0;
  plan.notes = [...limitNotes, ageSourceNote(tree.useAtime)];
  return plan;
}

function ageSourceNote(useAtime: boolean): string {
  return useAtime
    ? 'last use is read from access times'
    : 'last use is read from modification times: this mount records no access times';
}

/** What the walk has decided so far, and what the folder would still hold. */
class PlanState {
  readonly remove: PlannedRemoval[] = [];
  readonly units: PlannedUnit[] = [];
  readonly held: HeldUnits = { protected: { units: 0, old: 0 }, young: { units: 0, old: 0 } };
  bytes: number;
  unitsLeft: number;
  private readonly blobs = new Map<string, StoreEntry>();
  /** Units still using each blob, and the ids of removed units that used it. */
  private readonly users = new Map<string, number>();
  private readonly removedUsers = new Map<string, string[]>();
  private readonly groupLeft = new Map<string, number>();
  private readonly groupRemoved = new Map<string, string[]>();
  private readonly decided = new Set<string>();
  private readonly isHeldPath: (path: string) => boolean;
  private readonly youngAfterMs: number;

  constructor(
    private readonly tree: StoreTree,
    private readonly rules: FolderRules,
    private readonly nowMs: number,
  ) {
    const options = folderGlobOptions(rules);
    const protect = compileGlobs(rules.protect, options);
    const exclude = compileGlobs(rules.exclude, options);
    this.isHeldPath = (p) => protect(p) || exclude(p);
    this.youngAfterMs = nowMs - rules.minAgeMinutes * MS_PER_MINUTE;
    for (const blob of tree.blobs) this.blobs.set(blob.path, blob);
    for (const unit of tree.units) {
      for (const b of unit.blobs) this.users.set(b, (this.users.get(b) ?? 0) + 1);
      if (unit.group !== null) this.groupLeft.set(unit.group, (this.groupLeft.get(unit.group) ?? 0) + 1);
    }
    const sizes = (entries: readonly StoreEntry[]) => entries.reduce((s, e) => s + diskBytes(e), 0);
    this.bytes =
      tree.otherBytes +
      sizes(tree.blobs) +
      sizes(tree.partials) +
      tree.units.reduce((s, u) => s + sizes(u.files), 0) +
      tree.groups.reduce((s, g) => s + sizes(g.files), 0);
    this.unitsLeft = tree.units.length;
  }

  /** Partial downloads and unused blobs past the grace period. */
  removeGarbage(): void {
    const orphans = this.tree.blobs.filter((b) => (this.users.get(b.path) ?? 0) === 0);
    for (const [entries, reason] of [
      [this.tree.partials, 'partial'],
      [orphans, 'orphan'],
    ] as const) {
      for (const entry of entries) {
        if (entry.mtimeMs > this.youngAfterMs || this.isHeldPath(entry.path)) continue;
        const id = `${reason}:${entry.path}`;
        this.remove.push(removal(entry, reason, [id]));
        this.units.push({
          id,
          label: garbageLabel(entry, reason, this.nowMs),
          reason,
          sizeBytes: entry.sizeBytes,
          lastUsedMs: entry.mtimeMs,
          files: [entry.path],
        });
        this.bytes -= entry.sizeBytes;
      }
    }
  }

  candidate(unit: StoreUnit): Candidate {
    const blobs = unit.blobs.map((b) => this.blobs.get(b)).filter((b) => b !== undefined);
    const used = blobs.map((b) => (this.tree.useAtime ? Math.max(b.atimeMs, b.mtimeMs) : b.mtimeMs));
    const own = unit.files.map((f) => f.mtimeMs);
    const lastUsedMs = used.length > 0 ? Math.max(...used) : own.length > 0 ? Math.max(...own) : null;
    const entries = [...unit.files, ...blobs];
    let hold: Hold = null;
    if (entries.some((e) => this.isHeldPath(e.path))) hold = 'protected';
    else if (entries.some((e) => e.mtimeMs > this.youngAfterMs)) hold = 'young';
    return { unit, lastUsedMs, hold };
  }

  /** Removes, in order, each undecided candidate `wants` while it wants one; held ones are counted. */
  pass(candidates: readonly Candidate[], reason: RemovalReason, wants: (c: Candidate) => boolean): void {
    for (const c of candidates) {
      if (this.decided.has(c.unit.id) || !wants(c)) continue;
      if (c.hold !== null) {
        this.held[c.hold].units++;
        if (reason === 'age') this.held[c.hold].old++;
        this.decided.add(c.unit.id);
        continue;
      }
      this.decided.add(c.unit.id);
      this.removeUnit(c, reason);
    }
  }

  /** The folders of every repo that keeps at least one unit. */
  survivingGroupDirs(): string[] {
    return this.tree.groups.filter((g) => (this.groupLeft.get(g.id) ?? 0) > 0).flatMap((g) => g.keepDirs);
  }

  private removeUnit({ unit, lastUsedMs }: Candidate, reason: RemovalReason): void {
    const goes: PlannedRemoval[] = unit.files.map((f) => removal(f, reason, [unit.id]));
    for (const path of unit.blobs) {
      const left = (this.users.get(path) ?? 0) - 1;
      this.users.set(path, left);
      const ids = [...(this.removedUsers.get(path) ?? []), unit.id];
      this.removedUsers.set(path, ids);
      const blob = this.blobs.get(path);
      if (left === 0 && blob) goes.push({ ...removal(blob, reason, ids), blob: true });
    }
    if (unit.group !== null) {
      const left = (this.groupLeft.get(unit.group) ?? 0) - 1;
      this.groupLeft.set(unit.group, left);
      const ids = [...(this.groupRemoved.get(unit.group) ?? []), unit.id];
      this.groupRemoved.set(unit.group, ids);
      const group = this.tree.groups.find((g) => g.id === unit.group);
      if (left === 0 && group) goes.push(...group.files.map((f) => removal(f, reason, ids)));
    }
    const sizeBytes = goes.reduce((s, r) => s + diskBytes(r), 0);
    this.remove.push(...goes);
    this.units.push({
      id: unit.id,
      label: unitLabel(unit, sizeBytes, lastUsedMs, this.nowMs),
      reason,
      sizeBytes,
      lastUsedMs,
      files: goes.map((g) => g.path),
    });
    this.bytes -= sizeBytes;
    this.unitsLeft--;
  }
}

/**
 * What an entry counts towards the folder's size: a link's own size is its target's length, which the
 * folder's scan (and so its gauge) does not count either.
 */
function diskBytes(e: Pick<StoreEntry, 'sizeBytes' | 'entry'>): number {
  return e.entry === 'link' ? 0 : e.sizeBytes;
}

function removal(entry: StoreEntry, reason: RemovalReason, units: string[]): PlannedRemoval {
  const { path, sizeBytes, mtimeMs, dev, ino } = entry;
  return {
    path,
    sizeBytes,
    mtimeMs,
    dev,
    ino,
    reason,
    units,
    ...(entry.entry ? { entry: entry.entry } : {}),
  };
}
