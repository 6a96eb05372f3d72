/**
 * Gives a scan's garbage back to the system a little after the scan. A scan's batches, index segments and
 * the joined columns the index is built from are tens of MB of short-lived buffers. V8 frees a buffer's
 * memory only when it collects the object that holds it, and a service that sits idle after its first
 * scan may not run a full collection for hours: a million-file `headroom run` held 31 MB of them in one
 * bench run in three. So a full collection first; then glibc still keeps the freed pages (26 MB more for
 * good, bench/results/memory.json), which the addon's `releaseFreeMemory` (malloc_trim) returns; without
 * the addon, or off glibc, only the collection happens.
 */
import type * as V8 from 'node:v8';
import type * as Vm from 'node:vm';
import { builtin } from '../fs/lazy-builtin.js';
import { loadScanAddon } from '../removal/native-dir-fs.js';

/** Long enough for a scan's last buffers to have been let go (the index built, the batches dropped). */
const AFTER_MS = 2_000;

let timer: NodeJS.Timeout | null = null;

/** Schedules one release (several scans in a row share it); never keeps the process alive. */
export function releaseFreeMemorySoon(): void {
  if (timer) return void timer.refresh();
  timer = setTimeout(() => {
    timer = null;
    collectGarbage();
    loadScanAddon()?.releaseFreeMemory?.();
  }, AFTER_MS);
  timer.unref();
}

/**
 * One full V8 collection (about 10 ms for a service's heap). `gc` exists only under --expose-gc, which
 * would mean re-executing node; set from code it applies to contexts made afterwards, so a throwaway
 * context hands it over, and the flag is put back so no later context (a worker's) gets `gc`.
 */
function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  const { setFlagsFromString } = builtin<typeof V8>('node:v8');
  const { runInNewContext } = builtin<typeof Vm>('node:vm');
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
