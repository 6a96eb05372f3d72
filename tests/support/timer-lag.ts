/** How late a 5 ms interval fires while `work` runs: the worst lateness, in ms. */
export async function maxTimerLagMs<T>(work: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 5);
    last = now;
  }, 5);
  try {
    return { result: await work(), lagMs };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Whether `work` kept the event loop responsive, judged against an idle control of the same length run
 * right after it, as the bench measures: a busy machine delays both alike, while work that blocked the
 * loop adds a large share of its own length to its worst lag. The margin grows with the work's length so
 * a long scan on a loaded machine is not failed for one late tick, yet a loop blocked for a quarter of the
 * work still fails.
 */
export async function lagAgainstIdleControl<T>(
  work: () => Promise<T>,
): Promise<{ result: T; lagMs: number; allowedMs: number }> {
  const startedMs = performance.now();
  const { result, lagMs } = await maxTimerLagMs(work);
  const workMs = performance.now() - startedMs;
  const control = await maxTimerLagMs(() => new Promise((resolve) => setTimeout(resolve, workMs)));
  return { result, lagMs, allowedMs: control.lagMs + Math.max(200, workMs / 4) };
}
