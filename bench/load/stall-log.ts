/** Every stall of the host's event loop over a threshold, with when it happened, to find what caused it. */

export interface Stall {
  /** Seconds since the log started. */
  atS: number;
  lateMs: number;
}

const TICK_MS = 10;

export function startStallLog(thresholdMs: number): {
  stop(): Stall[];
  mark(label: string): void;
  marks: string[];
} {
  const startedMs = performance.now();
  const stalls: Stall[] = [];
  const marks: string[] = [];
  let last = startedMs;
  const timer = setInterval(() => {
    const now = performance.now();
    const lateMs = now - last - TICK_MS;
    if (lateMs > thresholdMs)
      stalls.push({ atS: Number(((now - startedMs) / 1000).toFixed(2)), lateMs: Math.round(lateMs) });
    last = now;
  }, TICK_MS);
  return {
    marks,
    mark(label) {
      marks.push(`${((performance.now() - startedMs) / 1000).toFixed(2)} s ${label}`);
    },
    stop() {
      clearInterval(timer);
      return stalls;
    },
  };
}
