/** Suggests the known key a typo was probably meant to be (`max_file` → `max_files`). */

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short strings. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known key closest to `typo`, when it is close enough to be a plausible slip: at most a third of the
 * key's length away (at least 1, at most 3 edits), compared without regard to case, `-` or `_`.
 */
export function closestKey(typo: string, known: readonly string[]): string | null {
  const squash = (s: string): string => s.toLowerCase().replace(/[-\s]/g, '_');
  const wanted = squash(typo);
  let best: { key: string; distance: number } | null = null;
  for (const key of known) {
    const distance = editDistance(wanted, squash(key));
    const allowed = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
    if (distance <= allowed && (best === null || distance < best.distance)) best = { key, distance };
  }
  return best?.key ?? null;
}
