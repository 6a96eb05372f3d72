/** Builders shared by the plan tests: a folder's rules with defaults, and files aged relative to NOW_MS. */
import type { FileEntry, FolderRules } from '../../../shared/types.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../../shared/units.js';
import { folderRules } from '../../support/folder-rules.js';

export const NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
export const MB = 1024 ** 2;
export const GB = 1024 ** 3;

export function rules(overrides: Partial<FolderRules> = {}): FolderRules {
  return folderRules(overrides);
}

let nextIno = 1;

/** A file `ageMinutes` old at NOW_MS. */
export function file(path: string, ageMinutes: number, sizeBytes = 1): FileEntry {
  return { path, sizeBytes, mtimeMs: NOW_MS - ageMinutes * MS_PER_MINUTE, dev: 1, ino: nextIno++ };
}

/** A file `ageDays` old at NOW_MS. */
export function fileDays(path: string, ageDays: number, sizeBytes = 1): FileEntry {
  return { path, sizeBytes, mtimeMs: NOW_MS - ageDays * MS_PER_DAY, dev: 1, ino: nextIno++ };
}
