/**
 * Puts a token file beside a scan of its folder: which scanned files each token owns, which listed files
 * are already gone, and which tokens must be kept whole (a file of theirs is protected, young, excluded,
 * not a regular file, or a path of theirs leaves the folder).
 */
import type { FolderRules } from '../../../shared/types.js';
import { MS_PER_MINUTE } from '../../../shared/units.js';
import type { FileColumns } from '../file-columns.js';
import { compileGlobs, folderGlobOptions } from '../glob-match.js';
import type { ManifestToken, TokenFileContents } from './manifest-types.js';

/** A counted file of the folder (not excluded). */
export interface ScannedFile {
  path: string;
  sizeBytes: number;
  mtimeMs: number;
  dev: number;
  ino: number;
  /** Why it may not be removed, or null. */
  hold: 'protected' | 'young' | null;
  /** How many entries of the token file list it (directly or through a listed folder). */
  refs: number;
}

/** A token, with its listed paths matched to the scan. */
export interface ResolvedToken {
  token: ManifestToken;
  /** The scanned files it lists, directly or under a listed folder, in path order. */
  files: ScannedFile[];
  /** Listed paths that are neither scanned files, folders holding some, nor anything else on disk. */
  missing: string[];
  /** Why the token must be kept whole, in a phrase ("x.wav is protected"); null when it may go. */
  hold: string | null;
  /** Epoch ms the token is oldest-first ordered by: `created_at`, else its newest file; null if neither. */
  timeMs: number | null;
}

export interface ResolvedFolder {
  files: ScannedFile[];
  tokens: ResolvedToken[];
  /** Bytes of every counted file. */
  totalBytes: number;
}

export interface ResolveInput {
  files: FileColumns;
  contents: TokenFileContents;
  rules: FolderRules;
  /**
   * Listed paths the scan did not see as files but that are there, or may be: a link, a device, a file in
   * a folder that cannot be read. Each with what it is, in a phrase ("is a symbolic link").
   */
  unremovable: ReadonlyMap<string, string>;
  nowMs: number;
}

export function resolveTokens(input: ResolveInput): ResolvedFolder {
  const { rules, contents } = input;
  const globOptions = folderGlobOptions(rules);
  const isExcluded = compileGlobs(rules.exclude, globOptions);
  const isProtected = compileGlobs(rules.protect, globOptions);
  const youngAfterMs = input.nowMs - rules.minAgeMinutes * MS_PER_MINUTE;
  const columns = input.files;
  const byPath = new Map<string, ScannedFile>();
  let totalBytes = 0;
  for (let i = 0; i < columns.count; i++) {
    const path = columns.path(i);
    if (isExcluded(path)) continue;
    const mtimeMs = columns.mtimeMs[i]!;
    const hold = isProtected(path) ? 'protected' : mtimeMs > youngAfterMs ? 'young' : null;
    const sizeBytes = columns.sizeBytes[i]!;
    byPath.set(path, { path, sizeBytes, mtimeMs, dev: columns.dev[i]!, ino: columns.ino[i]!, hold, refs: 0 });
    totalBytes += sizeBytes;
  }
  const under = filesUnderListedFolders(byPath, contents);
  const filesOf = (listed: string): ScannedFile[] => {
    const exact = byPath.get(listed);
    return exact ? [exact] : (under.get(listed) ?? []);
  };
  // Every entry's files count as referenced, the skipped entries' too: they are never orphans.
  for (const entry of [...contents.tokens, ...contents.problems]) {
    const owned = new Set((entry.files ?? []).flatMap(filesOf));
    for (const file of owned) file.refs++;
  }
  const tokens = contents.tokens.map((token) => {
    const files = new Set<ScannedFile>();
    const missing: string[] = [];
    let hold: string | null = token.refused[0]
      ? `it lists ${JSON.stringify(token.refused[0].path)}, which ${token.refused[0].why}`
      : null;
    for (const listed of token.files) {
      const found = filesOf(listed);
      for (const file of found) files.add(file);
      if (found.length > 0) continue;
      if (isExcluded(listed)) hold ??= `${listed} is excluded`;
      else if (input.unremovable.has(listed)) hold ??= `${listed} ${input.unremovable.get(listed)}`;
      else missing.push(listed);
    }
    const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    hold ??= heldFile(sorted, rules.minAgeMinutes);
    return { token, files: sorted, missing, hold, timeMs: tokenTime(token, sorted) };
  });
  return { files: [...byPath.values()], tokens, totalBytes };
}

/** For each listed path that is a folder in the scan, the files below it. */
function filesUnderListedFolders(
  byPath: ReadonlyMap<string, ScannedFile>,
  contents: TokenFileContents,
): Map<string, ScannedFile[]> {
  const listed = new Set([...contents.tokens, ...contents.problems].flatMap((e) => e.files ?? []));
  const under = new Map<string, ScannedFile[]>();
  for (const file of byPath.values()) {
    for (let slash = file.path.lastIndexOf('/'); slash > 0; slash = file.path.lastIndexOf('/', slash - 1)) {
      const folder = file.path.slice(0, slash);
      if (!listed.has(folder)) continue;
      const list = under.get(folder) ?? [];
      list.push(file);
      under.set(folder, list);
    }
  }
  return under;
}

function heldFile(files: readonly ScannedFile[], minAgeMinutes: number): string | null {
  const held = files.find((f) => f.hold === 'protected') ?? files.find((f) => f.hold === 'young');
  if (!held) return null;
  return held.hold === 'protected'
    ? `${held.path} is protected`
    : `${held.path} is younger than ${minAgeMinutes} min`;
}

function tokenTime(token: ManifestToken, files: readonly ScannedFile[]): number | null {
  if (token.createdAtMs !== null) return token.createdAtMs;
  // A loop, not Math.max(...): a token may list more files than a call may take arguments.
  let newest: number | null = null;
  for (const file of files) if (newest === null || file.mtimeMs > newest) newest = file.mtimeMs;
  return newest;
}
