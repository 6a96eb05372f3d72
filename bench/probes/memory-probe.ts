/**
 * Memory probe: one process scans ROOT and keeps the FolderIndex of it, as the live engine does per folder.
 *   node --expose-gc bench probes bundle: memory-probe.js ROOT EXPECTED_FILES [batches|joined]
 * `batches` (default) is the live engine's path: each worker batch goes into the index as it arrives
 * (scanFolderIndex). `joined` is the earlier path, kept for comparison: the whole scan, then indexFromScan.
 * Reports RSS before (imports loaded, one empty scan done: the engine's fixed cost), RSS holding the index
 * after a full GC, the process's peak RSS (VmHWM: the scan's transient buffers and worker threads included),
 * and bytes per file above the baseline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FolderIndex } from '../../electron/engine/index/folder-index.js';
import { scanFolderIndex } from '../../electron/engine/index/scan-folder-index.js';
import { scanFolder } from '../../electron/engine/scan/scan-folder.js';
import { printResult } from '../lib/run-process.js';
import { startStallMonitor } from '../lib/stall-monitor.js';
import { indexFromScan } from '../lib/index-from-scan.js';

const [root = '', expected = '0', mode = 'batches'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function settledRss(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().rss;
}

/** Peak resident set of this process so far, from the kernel's own high-water mark. */
function peakRss(): number {
  const line = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

const empty = mkdtempSync(join(tmpdir(), 'headroom-bench-empty-'));
await scanFolder(empty);
rmSync(empty, { recursive: true });
const baselineRss = settledRss();
const baselinePeak = peakRss();

/** The index of ROOT, by `mode`; how long building it held the event loop at most, and in all. */
async function buildIndex(): Promise<{ index: FolderIndex; stallMs: number; indexMs: number }> {
  const monitor = startStallMonitor();
  const started = performance.now();
  let index: FolderIndex;
  if (mode === 'joined') {
    const scan = await scanFolder(root);
    index = indexFromScan(scan);
  } else {
    index = (await scanFolderIndex(root)).index;
  }
  const indexMs = performance.now() - started;
  return { index, indexMs, stallMs: monitor.stop() };
}

const { index, stallMs, indexMs } = await buildIndex();
const rssWithScan = process.memoryUsage().rss;
if (index.totals().fileCount !== Number(expected)) throw new Error(`indexed ${index.totals().fileCount}`);
// The engine keeps the index, not the scan: only the index's reference keeps memory alive from here.
const heldRss = settledRss();
// What V8 itself holds at that point: the rest of the RSS is the allocator's (freed, not returned).
const { heapUsed, external, arrayBuffers } = process.memoryUsage();
const files = Number(expected);
printResult({
  files,
  baselineRssBytes: baselineRss,
  baselinePeakRssBytes: baselinePeak,
  rssWithScanBytes: rssWithScan,
  heldRssBytes: heldRss,
  peakRssBytes: peakRss(),
  bytesPerFile: (heldRss - baselineRss) / files,
  mode,
  indexMs,
  stallMs,
  indexArrayBytesPerFile: index.byteLength() / files,
  stillIndexed: index.totals().fileCount,
  heldHeapUsedBytes: heapUsed,
  heldExternalBytes: external,
  heldArrayBufferBytes: arrayBuffers,
});
