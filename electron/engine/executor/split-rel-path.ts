/**
 * Splits a planned path (relative to the folder root, `/` separators) into its components, refusing
 * anything that could name a place outside the root before the disk is touched at all.
 */

export type SplitResult = { ok: true; parts: string[] } | { ok: false; detail: string };

/** Windows also treats `\` as a separator and `C:` / `name:stream` specially; POSIX allows both in names. */
const isWindows = process.platform === 'win32';

/**
 * `splitRelPath('a/b.wav')` → `{ ok: true, parts: ['a', 'b.wav'] }`. Refuses absolute paths, empty
 * components (`a//b`, a trailing `/`), `.` and `..`, NUL, and on Windows `\` and `:`.
 */
export function splitRelPath(relPath: string): SplitResult {
  if (relPath.length === 0) return { ok: false, detail: 'the planned path is empty' };
  if (relPath.includes('\0')) return { ok: false, detail: 'the planned path contains a NUL character' };
  if (relPath.startsWith('/')) return { ok: false, detail: 'the planned path is absolute' };
  if (isWindows && /[\\:]/.test(relPath)) {
    return { ok: false, detail: 'the planned path contains "\\" or ":"' };
  }
  const parts = relPath.split('/');
  for (const part of parts) {
    if (part === '') return { ok: false, detail: 'the planned path has an empty component' };
    if (part === '.' || part === '..') {
      return { ok: false, detail: `the planned path contains "${part}"` };
    }
  }
  return { ok: true, parts };
}
