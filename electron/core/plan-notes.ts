/**
 * The sentences a plan carries when held-back files keep a folder over one of its limits.
 */
import type { FolderRules } from '../../shared/types.js';
import { formatBytes, formatCount } from '../../shared/format.js';

/** Held-back files of one kind: all of them, and how many are older than the age limit. */
export interface HeldTotals {
  files: number;
  bytes: number;
  oldFiles: number;
}

export interface HeldBack {
  protected: HeldTotals;
  young: HeldTotals;
}

/**
 * One note per limit that still fails once the plan has run, in rule order (age, count, size), e.g.
 * "size: 5.3 GB would remain over the 5 GB limit; 1.2 GB is protected and 0.4 GB is younger than 10 min".
 * `after` is what the folder would hold after the plan. Empty when every limit holds.
 */
export function limitNotes(
  rules: FolderRules,
  after: { files: number; bytes: number },
  held: HeldBack,
): string[] {
  const notes: string[] = [];
  const young = `younger than ${rules.minAgeMinutes} min`;
  const oldFiles = held.protected.oldFiles + held.young.oldFiles;
  if (rules.maxAgeDays !== null && oldFiles > 0) {
    const why = holders(held.protected.oldFiles, held.young.oldFiles, countIs, young);
    notes.push(`age: ${files(oldFiles)} older than ${days(rules.maxAgeDays)} would remain; ${why}`);
  }
  if (rules.maxFiles !== null && after.files > rules.maxFiles) {
    const why = holders(held.protected.files, held.young.files, countIs, young);
    notes.push(
      `count: ${files(after.files)} would remain over the ${formatCount(rules.maxFiles)}-file limit; ${why}`,
    );
  }
  if (rules.maxSizeBytes !== null && after.bytes > rules.maxSizeBytes) {
    const why = holders(held.protected.bytes, held.young.bytes, bytesIs, young);
    notes.push(
      `size: ${formatBytes(after.bytes)} would remain over the ${formatBytes(rules.maxSizeBytes)} limit; ${why}`,
    );
  }
  return notes;
}

/** "2 are protected and 1 is younger than 10 min", leaving out a part that is zero. */
function holders(
  protectedAmount: number,
  youngAmount: number,
  phrase: (amount: number) => string,
  young: string,
): string {
  const parts: string[] = [];
  if (protectedAmount > 0) parts.push(`${phrase(protectedAmount)} protected`);
  if (youngAmount > 0) parts.push(`${phrase(youngAmount)} ${young}`);
  return parts.join(' and ');
}

const countIs = (n: number): string => `${formatCount(n)} ${n === 1 ? 'is' : 'are'}`;
const bytesIs = (n: number): string => `${formatBytes(n)} is`;
const files = (n: number): string => `${formatCount(n)} ${n === 1 ? 'file' : 'files'}`;
const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;
