/** Watches the host's event loop while something runs: the longest time a 10 ms timer came late. */

export interface StallMonitor {
  /** Stops the monitor; returns the longest stall seen, in ms. */
  stop(): number;
}

const TICK_MS = 10;

/**
 * A `setInterval(…, 10)` lag monitor. `perf_hooks.monitorEventLoopDelay` would do too, but a plain timer
 * measures exactly what a user feels: how late the host's next callback ran.
 */
export function startStallMonitor(): StallMonitor {
  let last = performance.now();
  let longestMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestMs = Math.max(longestMs, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      // The stretch since the last tick counts too: a stall at the very end is still a stall.
      return Math.max(longestMs, performance.now() - last - TICK_MS);
    },
  };
}
