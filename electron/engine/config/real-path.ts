/** Real paths for folders that may not exist yet. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A real path, and whether following it showed that nothing is there. */
export interface FollowedPath {
  path: string;
  /**
   * True when the path does not exist (realpath said ENOENT or ENOTDIR; a dangling link counts): a stat of
   * it would fail the same way, so whoever examines it can skip that stat. False when it exists or when
   * that is unknown (access denied).
   */
  missing: boolean;
}

/**
 * The real path of `p`: symlinks resolved as far as the path exists, the missing rest appended, so a
 * folder that does not exist yet is still compared where it would be created.
 */
export async function realPathOf(p: string): Promise<string> {
  return (await followPath(p, realPathOf)).path;
}

/**
 * realPathOf, with the real path of a missing path's parent asked of `realParent`: one that remembers the
 * paths it followed makes the refused places that do not exist (/Library, /snap, /var/www...) share the
 * lookups of their existing parents (#17: most of the places refused on a machine are missing there).
 */
export async function followPath(
  p: string,
  realParent: (dir: string) => Promise<string>,
): Promise<FollowedPath> {
  const absolute = path.resolve(p);
  try {
    return { path: await fs.realpath(absolute), missing: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const parent = path.dirname(absolute);
    if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === absolute)
      return { path: absolute, missing: false };
    return { path: path.join(await realParent(parent), path.basename(absolute)), missing: true };
  }
}
