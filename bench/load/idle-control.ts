/**
 * The control for the event-loop figure: an idle Node process that only measures its own event-loop delay
 * for `seconds`, then prints `{ maxMs, p99Ms }`. On a shared or busy machine the scheduler alone delays
 * every process; a stall the idle control saw too is the machine's, not the engine's.
 * argv: seconds
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const seconds = Number(process.argv[2] ?? 60);
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
setTimeout(() => {
  delay.disable();
  process.stdout.write(JSON.stringify({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 }));
}, seconds * 1000);
