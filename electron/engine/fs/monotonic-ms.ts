/**
 * A monotonic stopwatch in milliseconds, as `performance.now()` gives, without it: the global `performance`
 * loads Node's perf_hooks (ten internal modules) on first use, about 1 ms of a CLI call (#17).
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
