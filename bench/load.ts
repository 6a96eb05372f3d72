/**
 * `npm run load [-- --seconds 60 --rate 1000]`: issue 7 item 5. A writer process creates `rate` files a
 * second in a watched folder limited to 5,000 files while cleanups (start-up, emergency, every-9-s
 * scheduled, every-20-s manual) keep removing in the same folder, through a live engine on the real clock.
 * Measures: no crash; once settled, the live totals equal a fresh scan, `find`, and files written minus
 * files removed; the host's event-loop delay; heap and RSS back near the baseline. Writes
 * `bench/results/load.json` and `bench/LOAD.md`; exits 1 when a target is missed.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../electron/engine/runtime/create-engine.js';
import type { Engine } from '../electron/engine/runtime/engine-types.js';
import { startStallMonitor } from './lib/stall-monitor.js';
import { writeLoadReport, type LoadFigures } from './load/load-report.js';
import { findTotals, scannedTotals, type Totals } from './load/reference-totals.js';
import { startStallLog } from './load/stall-log.js';

const EVENT_LOOP_TARGET_MS = 100;
const MAX_FILES = 5000;
const MB = 1024 * 1024;
const WRITER = fileURLToPath(new URL('./load/load-writer.ts', import.meta.url));
const CONTROL = fileURLToPath(new URL('./load/idle-control.ts', import.meta.url));

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const seconds = option('seconds', 60);
const rate = option('rate', 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Heap and RSS after a full collection (`--expose-gc`, which `npm run load` passes). */
function memoryAfterGc(): { heapMB: number; rssMB: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / MB, rssMB: m.rss / MB };
}

/** Runs a helper script under tsx and resolves with the JSON it prints. */
function runChild(script: string, argv: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...argv], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

/** Waits until no cleanup runs and the live totals have held still for 2 s; returns how long that took. */
async function settle(engine: Engine, folder: string): Promise<{ ms: number; totals: Totals }> {
  const startedMs = performance.now();
  let last = '';
  let stableSinceMs = performance.now();
  for (;;) {
    const snapshot = await engine.getSnapshot();
    const f = snapshot.folders.find((x) => x.name === folder);
    const key = JSON.stringify([snapshot.cleaning, f?.fileCount, f?.sizeBytes]);
    if (key !== last) [last, stableSinceMs] = [key, performance.now()];
    else if (!snapshot.cleaning && performance.now() - stableSinceMs >= 2000) {
      return {
        ms: performance.now() - startedMs,
        totals: { files: f?.fileCount ?? -1, bytes: f?.sizeBytes ?? -1 },
      };
    }
    await sleep(250);
  }
}

async function main(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'headroom-load-'));
  const root = join(dir, 'incoming');
  await mkdir(root);
  const configFile = join(dir, 'config.yaml');
  await writeFile(
    configFile,
    `cleanup_interval_hours: 0.0025\nfolders:\n  - name: incoming\n    path: ./incoming\n    max_files: ${MAX_FILES}\n    min_age_minutes: 0\n`,
  );
  const log: string[] = [];
  // Only what is counted: holding whole records (tens of thousands of paths) would skew the heap figures.
  const runs: { trigger: string; dryRun: boolean; filesRemoved: number }[] = [];
  const engine = await createEngine({
    dataDir: join(dir, 'data'),
    configFile,
    live: true,
    log: (m) => log.push(m),
  });
  engine.on('cleanupFinished', ({ trigger, dryRun, filesRemoved }) =>
    runs.push({ trigger, dryRun, filesRemoved }),
  );
  await sleep(1500); // the start-up run of an empty folder, then quiet
  const baseline = memoryAfterGc();
  const peak = { heapMB: baseline.heapMB, rssMB: baseline.rssMB };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak.heapMB = Math.max(peak.heapMB, m.heapUsed / MB);
    peak.rssMB = Math.max(peak.rssMB, m.rss / MB);
  }, 200);
  console.log(`writing ${rate} files/s for ${seconds} s into ${root} …`);
  // Started before the monitors: spawning processes is the bench's own work, not the engine's.
  const writing = runChild(WRITER, [root, String(rate), String(seconds)]);
  const control = runChild(CONTROL, [String(seconds)]);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const lag = startStallMonitor();
  const stallLog = startStallLog(40);
  engine.on('cleanupStarted', (e) => stallLog.mark(`${e.trigger} cleanup started`));
  engine.on('cleanupFinished', (r) =>
    stallLog.mark(`${r.trigger} cleanup finished (${r.filesRemoved} removed)`),
  );
  const manual = setInterval(
    () => void engine.runCleanup({}).catch((e: Error) => log.push(e.message)),
    20_000,
  );
  const writer = (await writing) as { filesWritten: number; lateBatches: number };
  const idle = (await control) as { maxMs: number; p99Ms: number };
  clearInterval(manual);
  stallLog.mark('writer done');
  // One last run brings the folder back under its limit before it is left to settle.
  await engine.runCleanup({});
  await engine.runCleanup({});
  await engine.pauseSchedule({ until: new Date(Date.now() + 3_600_000).toISOString() });
  const settled = await settle(engine, 'incoming');
  delay.disable();
  const timerLagMaxMs = lag.stop();
  const stalls = stallLog.stop();
  clearInterval(sampler);
  const real = runs.filter((r) => !r.dryRun);
  const filesRemoved = real.reduce((sum, r) => sum + r.filesRemoved, 0);
  const scan = await scannedTotals(root);
  const find = findTotals(root);
  const writtenMinusRemoved = writer.filesWritten - filesRemoved;
  const settledMemory = memoryAfterGc();
  await engine.dispose();
  await rm(dir, { recursive: true, force: true });

  const same = (a: Totals, b: Totals) => a.files === b.files && a.bytes === b.bytes;
  const triggers = [...new Set(real.map((r) => r.trigger))];
  const figures: LoadFigures = {
    seconds,
    ratePerSecond: rate,
    filesWritten: writer.filesWritten,
    writerLateBatches: writer.lateBatches,
    runs: triggers.map((trigger) => {
      const of = real.filter((r) => r.trigger === trigger);
      return { trigger, count: of.length, filesRemoved: of.reduce((s, r) => s + r.filesRemoved, 0) };
    }),
    filesRemoved,
    settleMs: Math.round(settled.ms),
    totals: {
      snapshot: settled.totals,
      scan,
      find,
      writtenMinusRemoved,
      exact: same(settled.totals, scan) && same(scan, find) && find.files === writtenMinusRemoved,
    },
    eventLoop: {
      maxMs: delay.max / 1e6,
      p99Ms: delay.percentile(99) / 1e6,
      meanMs: delay.mean / 1e6,
      timerLagMaxMs,
      idleControlMaxMs: idle.maxMs,
      idleControlP99Ms: idle.p99Ms,
      targetMs: EVENT_LOOP_TARGET_MS,
    },
    memory: {
      baselineHeapMB: baseline.heapMB,
      peakHeapMB: peak.heapMB,
      settledHeapMB: settledMemory.heapMB,
      baselineRssMB: baseline.rssMB,
      peakRssMB: peak.rssMB,
      settledRssMB: settledMemory.rssMB,
    },
    crashed: false,
    stalls: stalls.slice(0, 100),
    marks: stallLog.marks,
    log: log.slice(0, 50),
  };
  await writeLoadReport(figures, `npm run load -- --seconds ${seconds} --rate ${rate}`);
  console.log(JSON.stringify({ ...figures, log: `${log.length} lines` }, null, 2));
  const heapBack = figures.memory.settledHeapMB <= baseline.heapMB * 1.1 + 5;
  const ok = figures.totals.exact && figures.eventLoop.maxMs < EVENT_LOOP_TARGET_MS && heapBack;
  console.log(ok ? 'load: all targets met' : 'load: a target was missed (see above)');
  return ok ? 0 : 1;
}

process.exitCode = await main();
