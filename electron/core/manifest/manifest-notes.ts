/**
 * The sentences a manifest plan carries: tokens kept whole and why, entries of the token file that were
 * skipped, orphans not looked for, and limits still exceeded.
 */
import type { FolderRules } from '../../../shared/types.js';
import { formatBytes, formatCount } from '../../../shared/format.js';
import type { HeldToken, TokenFileContents } from './manifest-types.js';

/** Each kind of note lists at most this many items, then says how many more. */
const MAX_LISTED = 10;

export interface NotesInput {
  rules: FolderRules;
  /** What the folder would hold after the plan: tokens and bytes. */
  after: { tokens: number; bytes: number };
  held: readonly HeldToken[];
  contents: TokenFileContents;
  orphansUnknown: boolean;
}

/** The notes, and whether a limit still fails (or an expired token stays) once the plan has run. */
export function manifestNotes(input: NotesInput): { notes: string[]; overLimit: boolean } {
  const { rules, after, held, contents } = input;
  const notes: string[] = [];
  const limits: string[] = [];
  if (rules.maxFiles !== null && after.tokens > rules.maxFiles) {
    limits.push(
      `count: ${tokens(after.tokens)} would remain over the ${formatCount(rules.maxFiles)}-token limit`,
    );
  }
  if (rules.maxSizeBytes !== null && after.bytes > rules.maxSizeBytes) {
    limits.push(
      `size: ${formatBytes(after.bytes)} would remain over the ${formatBytes(rules.maxSizeBytes)} limit`,
    );
  }
  const heldNames = listed(held, (h) => `token ${h.id} (${h.reason}) is kept whole: ${h.why}`);
  if (limits.length > 0 && held.length > 0) notes.push(...limits.map((l) => `${l}; ${heldSummary(held)}`));
  else notes.push(...limits);
  notes.push(...heldNames);
  notes.push(...listed(contents.problems, (p) => `token file: ${p.at} was skipped: ${p.message}`));
  if (input.orphansUnknown) {
    notes.push(
      'orphans were not removed: an entry of the token file lists files that could not be read, so any file might be one of its files',
    );
  }
  return { notes, overLimit: limits.length > 0 || held.length > 0 };
}

function heldSummary(held: readonly HeldToken[]): string {
  return `${tokens(held.length)} ${held.length === 1 ? 'is' : 'are'} kept whole (see below)`;
}

function listed<T>(items: readonly T[], sentence: (item: T) => string): string[] {
  const shown = items.slice(0, MAX_LISTED).map(sentence);
  if (items.length > MAX_LISTED)
    shown.push(`… and ${formatCount(items.length - MAX_LISTED)} more like these`);
  return shown;
}

const tokens = (n: number): string => `${formatCount(n)} ${n === 1 ? 'token' : 'tokens'}`;
