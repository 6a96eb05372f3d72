/**
 * A path listed by a token, checked as text before anything is looked up: the token file is another
 * program's data, so a path in it is as untrusted as a path from the network.
 */

export type TokenPathCheck = { ok: true; path: string } | { ok: false; why: string };

/**
 * `listed` as a path relative to the folder, `/`-separated, without `.` or empty segments; or why it is
 * refused. Refused: empty, NUL, absolute (`/x`, `\x`, `C:x`, `//server/x`), any `..` segment (with either
 * separator, so a file written on Windows cannot climb out either), and the folder itself (`.`). Whether a
 * segment is a symlink is not a question text can answer: the engine never follows one (the scan does not
 * enter linked folders, and the removal core refuses to go through them).
 */
export function checkTokenPath(listed: string): TokenPathCheck {
  if (listed.length === 0) return { ok: false, why: 'is empty' };
  if (listed.includes('\0')) return { ok: false, why: 'contains a NUL character' };
  if (/^[/\\]/.test(listed) || /^[A-Za-z]:/.test(listed)) return { ok: false, why: 'is absolute' };
  const segments = listed.split(/[/\\]/);
  if (segments.includes('..')) return { ok: false, why: 'climbs out of the folder with ..' };
  // A backslash is a separator only on Windows; elsewhere it is part of a name, as the scan sees it.
  const kept = listed.split('/').filter((s) => s !== '' && s !== '.');
  if (kept.length === 0) return { ok: false, why: 'names the folder itself' };
  return { ok: true, path: kept.join('/') };
}
