/**
 * The listed paths of a token file that the scan did not see as files: each is looked up (lstat, never
 * followed) to tell "already gone" from "there, but nothing Headroom removes", so a token that lists a link
 * or a file in an unreadable folder is kept whole instead of half removed.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TokenFileContents } from '../../core/manifest/manifest-types.js';
import type { PackedFiles } from '../scan/packed-files.js';

/** Path → what it is ("is a symbolic link"), for listed paths that are there but are no scanned file. */
export async function listedElsewhere(
  root: string,
  contents: TokenFileContents,
  files: PackedFiles,
): Promise<Map<string, string>> {
  const listed = new Set([...contents.tokens, ...contents.problems].flatMap((e) => e.files ?? []));
  // Found: a scanned file, or a folder with scanned files below it.
  for (let i = 0; i < files.count && listed.size > 0; i++) {
    const path = files.path(i);
    listed.delete(path);
    for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      listed.delete(path.slice(0, slash));
    }
  }
  const there = new Map<string, string>();
  for (const path of listed) {
    const what = await lookUp(join(root, path));
    if (what !== null) there.set(path, what);
  }
  return there;
}

/** Null when nothing is there (or only an empty folder); otherwise what is there, in a phrase. */
async function lookUp(abs: string): Promise<string | null> {
  try {
    const stat = await lstat(abs);
    if (stat.isDirectory()) return null;
    if (stat.isSymbolicLink()) return 'is a symbolic link, which Headroom never removes';
    if (stat.isFile()) return 'is reached through a link or another device, which Headroom never follows';
    return 'is not a regular file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return `cannot be checked (${code})`;
  }
}
