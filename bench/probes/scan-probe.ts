/**
 * Full-scan probe: `scanFolder` as the engine calls it (default options: two worker threads) against
 * `du -sb` on the same tree, alternating, in one process so the page cache is warm for both.
 *   node --import tsx bench/probes/scan-probe.ts ROOT EXPECTED_FILES WARMUPS REPETITIONS
 * Prints `RESULT {scanMs[], duMs[], scanCpuMs[], duCpuMs[], stallMs[], idleStallMs[], emptyScanMs[]}`:
 * CPU times are all threads of this process, and du's from its rusage, in 10 ms ticks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanFolder } from '../../electron/engine/scan/scan-folder.js';
import { repeat } from '../lib/repeat.js';
import { cpuMsSoFar, printResult, timeCommand } from '../lib/run-process.js';
import { startStallMonitor } from '../lib/stall-monitor.js';

const [root = '', expected = '0', warmups = '1', repetitions = '3'] = process.argv.slice(2);
const plan = { warmups: Number(warmups), repetitions: Number(repetitions) };

async function timedScan(
  dir: string,
  expectedFiles: number,
): Promise<{ ms: number; cpuMs: number; stallMs: number }> {
  const monitor = startStallMonitor();
  const started = performance.now();
  const cpuBefore = cpuMsSoFar();
  const scan = await scanFolder(dir);
  const ms = performance.now() - started;
  const cpuMs = cpuMsSoFar() - cpuBefore;
  const stallMs = monitor.stop();
  if (scan.error || scan.files.count !== expectedFiles) {
    throw new Error(`scan of ${dir} found ${scan.files.count} files (${scan.error ?? 'no error'})`);
  }
  return { ms, cpuMs, stallMs };
}

// The fixed cost of a scan (starting a worker thread, under tsx here) shows on an empty folder.
const empty = mkdtempSync(join(tmpdir(), 'headroom-bench-empty-'));
const emptyScanMs = (await repeat(plan, () => timedScan(empty, 0))).map((r) => r.ms);
rmSync(empty, { recursive: true });

/** The same monitor over as long with nothing to do: on a busy 2-core machine, the scheduler's own share. */
async function idleStallMs(durationMs: number): Promise<number> {
  const monitor = startStallMonitor();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  return monitor.stop();
}

const rounds = await repeat(plan, async () => {
  const duCpuBefore = cpuMsSoFar();
  const duMs = timeCommand('du', ['-sb', root]);
  const duCpuMs = cpuMsSoFar() - duCpuBefore;
  const scan = await timedScan(root, Number(expected));
  return { duMs, duCpuMs, ...scan, idleStallMs: await idleStallMs(scan.ms) };
});
printResult({
  scanMs: rounds.map((r) => r.ms),
  stallMs: rounds.map((r) => r.stallMs),
  idleStallMs: rounds.map((r) => r.idleStallMs),
  duMs: rounds.map((r) => r.duMs),
  scanCpuMs: rounds.map((r) => r.cpuMs),
  duCpuMs: rounds.map((r) => r.duCpuMs),
  loadAverage: loadavg(),
  emptyScanMs,
});
