/**
 * Just before a manifest folder's removals: the token file is read again, because the application may
 * have written it since planning (in a run of several folders, minutes earlier). A token whose entry
 * changed (its expiry extended, a file added) or that is gone from the file is left for the next run; an
 * orphan that a token now lists is no orphan. Pure: the engine reads the file.
 */
import type { ManifestUnit } from './manifest-types.js';
import { parseTokenFile } from './parse-token-file.js';
import { entriesById, readEntries, sameEntry } from './rewrite-token-text.js';

export interface RecheckResult {
  /** The units that may still go. */
  keep: ManifestUnit[];
  notes: string[];
}

export function recheckUnits(
  units: readonly ManifestUnit[],
  plannedText: string,
  currentText: string,
  tokenFilePath: string | null,
): RecheckResult {
  const before = readEntries(plannedText);
  const now = readEntries(currentText);
  const parse = parseTokenFile(currentText, tokenFilePath);
  if (before === null || now === null || !parse.ok) {
    return {
      keep: [],
      notes: ['the token file changed during the run and can no longer be read, so nothing here was removed'],
    };
  }
  const beforeById = entriesById(before);
  const nowById = entriesById(now);
  const entries = [...parse.tokens, ...parse.problems];
  const unknown = parse.problems.some((p) => p.files === null);
  const listed = new Set(entries.flatMap((e) => e.files ?? []));
  const isListed = (path: string) => {
    for (let slash = path.length; slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      if (listed.has(path.slice(0, slash))) return true;
    }
    return false;
  };
  const keep: ManifestUnit[] = [];
  const changed: string[] = [];
  let claimed = 0;
  for (const unit of units) {
    if (unit.kind === 'token') {
      const entry = nowById.get(unit.id);
      if (entry !== undefined && sameEntry(entry, beforeById.get(unit.id))) keep.push(unit);
      else changed.push(unit.id);
    } else if (unknown || isListed(unit.id)) claimed++;
    else keep.push(unit);
  }
  const notes: string[] = [];
  if (changed.length > 0) {
    notes.push(
      `the application changed or removed ${changed.map((id) => `token ${id}`).join(', ')} in the token file after planning; left for the next run`,
    );
  }
  if (claimed > 0) {
    notes.push(
      `${claimed === 1 ? '1 orphan is' : `${claimed} orphans are`} listed by the token file since planning (or may be) and ${claimed === 1 ? 'was' : 'were'} kept`,
    );
  }
  return { keep, notes };
}
