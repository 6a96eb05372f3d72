/** The sentences of a unit plan: each unit's label, and what keeps a model cache over a limit. */
import { formatBytes, formatCount, formatDuration } from '../../shared/format.js';
import type { FolderRules } from '../../shared/types.js';
import type { StoreEntry, StoreUnit } from './store-tree.js';

/** Held-back units: how many a rule reached, and how many of those were past the age limit. */
export interface HeldUnits {
  protected: { units: number; old: number };
  young: { units: number; old: number };
}

/** "org/model revision 3f2a1b2c 4.2 GB, last used 41 days ago, detached". */
export function unitLabel(
  unit: StoreUnit,
  sizeBytes: number,
  lastUsedMs: number | null,
  nowMs: number,
): string {
  const used = lastUsedMs === null ? 'never used' : `last used ${ago(nowMs - lastUsedMs)}`;
  return `${unit.name} ${formatBytes(sizeBytes)}, ${used}${unit.detached ? ', detached' : ''}`;
}

/** "partial download blobs/ab12.incomplete 1 MB, modified 3 days ago". */
export function garbageLabel(entry: StoreEntry, reason: 'partial' | 'orphan', nowMs: number): string {
  const what = reason === 'partial' ? 'partial download' : 'blob no model uses';
  return `${what} ${entry.path} ${formatBytes(entry.sizeBytes)}, modified ${ago(nowMs - entry.mtimeMs)}`;
}

const ago = (ms: number): string => (ms < 0 ? 'in the future' : `${formatDuration(ms)} ago`);

/** One note per limit the plan leaves failing, saying which held-back units keep it there. */
export function unitNotes(
  rules: FolderRules,
  noun: string,
  after: { units: number; bytes: number },
  held: HeldUnits,
): string[] {
  const notes: string[] = [];
  const units = (n: number) => `${formatCount(n)} ${n === 1 ? noun : `${noun}s`}`;
  const why = (p: number, y: number) =>
    [
      p > 0 ? `${units(p)} protected` : '',
      y > 0 ? `${units(y)} changed within the last ${rules.minAgeMinutes} min` : '',
    ]
      .filter((s) => s !== '')
      .join(' and ') || 'nothing else can go without splitting a unit';
  const old = held.protected.old + held.young.old;
  if (rules.maxAgeDays !== null && old > 0) {
    notes.push(
      `age: ${units(old)} unused for over ${rules.maxAgeDays} days would remain; ${why(held.protected.old, held.young.old)}`,
    );
  }
  if (rules.maxFiles !== null && after.units > rules.maxFiles) {
    notes.push(
      `count: ${units(after.units)} would remain over the limit of ${formatCount(rules.maxFiles)}; ${why(held.protected.units, held.young.units)}`,
    );
  }
  if (rules.maxSizeBytes !== null && after.bytes > rules.maxSizeBytes) {
    notes.push(
      `size: ${formatBytes(after.bytes)} would remain over the ${formatBytes(rules.maxSizeBytes)} limit; ${why(held.protected.units, held.young.units)}`,
    );
  }
  return notes;
}
