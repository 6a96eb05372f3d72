/**
 * Gives the allocator's free pages back to the system a little after a scan. A scan's batches and index
 * segments are tens of MB of short-lived buffers; once V8 has collected them glibc keeps the freed pages
 * (a million-file `headroom run` held 26 MB more for good, bench/results/memory.json). The addon's
 * `releaseFreeMemory` (malloc_trim) returns them; without the addon, or off glibc, nothing happens.
 */
import { loadScanAddon } from '../removal/native-dir-fs.js';

/** Long enough for the young generation that held the scan's buffers to have been collected. */
const AFTER_MS = 2_000;

let timer: NodeJS.Timeout | null = null;

/** Schedules one release (several scans in a row share it); never keeps the process alive. */
export function releaseFreeMemorySoon(): void {
  const addon = loadScanAddon();
  if (!addon?.releaseFreeMemory) return;
  if (timer) timer.refresh();
  else {
    timer = setTimeout(() => {
      timer = null;
      addon.releaseFreeMemory?.();
    }, AFTER_MS);
    timer.unref();
  }
}
