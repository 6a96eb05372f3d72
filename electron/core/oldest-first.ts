/**
 * The order in which cleanup considers files: oldest first.
 */

/**
 * Indices `0 … count - 1` ordered by `mtimeMs[i]` ascending, equal mtimes by `pathAt(i)` in plain code-unit
 * order (not locale order, so a plan is the same on every machine), NaN last. `pathAt` is called only for files that share an mtime,
 * once each, so columns that decode paths on demand decode few.
 *
 * Why not `Array.prototype.sort` with a comparator: on a million entries that takes seconds. Here the
 * mtimes are sorted natively as a Float64Array, each file is ranked by binary search and placed by a
 * counting sort; only files that share an mtime meet a comparator. O(n log n) with cheap steps.
 */
export function oldestFirstOrderOf(
  count: number,
  mtimeMs: ArrayLike<number>,
  pathAt: (i: number) => string,
): Uint32Array {
  const n = count;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = mtimeMs[i]!;
    times[i] = Number.isNaN(t) ? Infinity : t;
  }
  const distinct = distinctSorted(times);
  const ranks = new Uint32Array(n);
  const starts = new Uint32Array(distinct.length + 1);
  for (let i = 0; i < n; i++) {
    const rank = lowerBound(distinct, times[i]!);
    ranks[i] = rank;
    starts[rank + 1]!++;
  }
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[starts[ranks[i]!]!++] = i;
  sortTiesByPath(order, ranks, pathAt);
  return order;
}

/** The distinct values of `times`, ascending. */
function distinctSorted(times: Float64Array): Float64Array {
  const sorted = times.slice().sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  }
  return sorted.subarray(0, u);
}

/** Index of `value` in the ascending, distinct `sorted` (it is always present). */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Within each run of equal mtimes in `order`, sorts by path. */
function sortTiesByPath(order: Uint32Array, ranks: Uint32Array, pathAt: (i: number) => string): void {
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && ranks[order[i]!] === ranks[order[start]!]) continue;
    if (i - start > 1) sortRunByPath(order.subarray(start, i), pathAt);
    start = i;
  }
}

/**
 * Sorts one run by path, each path fetched once rather than twice per comparison (a run can be a whole
 * unpacked archive sharing one mtime). The sort is stable, so equal paths stay in index order.
 */
function sortRunByPath(run: Uint32Array, pathAt: (i: number) => string): void {
  if (run.length === 2) {
    // The common tie, a pair: one comparison, no arrays.
    const [a, b] = run as unknown as [number, number];
    if (pathAt(b) < pathAt(a)) run.reverse();
    return;
  }
  const paths = Array.from(run, pathAt);
  const ids = Array.from(run);
  const byPath = (a: number, b: number): number => {
    const pa = paths[a]!;
    const pb = paths[b]!;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  const positions = new Uint32Array(run.length).map((_, k) => k).sort(byPath);
  for (let k = 0; k < run.length; k++) run[k] = ids[positions[k]!]!;
}
