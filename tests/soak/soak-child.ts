/**
 * The soak itself, in a process of its own so the test can see it exit by itself after `dispose()` (a
 * watcher, worker or timer left behind would keep it alive). A live engine on a manual clock runs 30
 * simulated days: every simulated hour a tool writes 24 files (mtime = the fake clock) and deletes
 * one; the schedule cleans every 12 h, the monitor raises warnings and an emergency cleanup. Heap is
 * measured after a full GC at the end of each day. Prints the figures as one JSON line on stdout.
 * argv: days
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEngine, HISTORY_FILE } from '../../electron/engine/runtime/create-engine.js';
import { manualClock } from '../support/manual-clock.js';

const DAYS = Number(process.argv[2] ?? 30);
const STEP_MS = 60 * 60_000;
const STEPS_PER_DAY = 24;
const FILES_PER_STEP = 24;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
};
const turn = () => new Promise((resolve) => setImmediate(resolve));

const dir = await fs.mkdtemp(join(tmpdir(), 'headroom-soak-'));
const root = join(dir, 'outputs');
await fs.mkdir(root);
const configFile = join(dir, 'config.yaml');
await fs.writeFile(
  configFile,
  'cleanup_interval_hours: 12\nfolders:\n  - name: outputs\n    path: ./outputs\n    max_files: 1000\n    max_age_days: 7\n',
);
const clock = manualClock(Date.now());
const log: string[] = [];
const engine = await createEngine({
  dataDir: join(dir, 'data'),
  configFile,
  clock,
  live: true,
  log: (m) => log.push(m),
});
const runs: { trigger: string; removed: number; status: string; problems: string[] }[] = [];
let warnings = 0;
let snapshots = 0;
let running = 0;
engine.on('cleanupStarted', () => running++);
engine.on('cleanupFinished', (r) => {
  running--;
  // What went wrong in a run that did not complete, so a failing soak explains itself.
  const problems = r.folders.flatMap((f) => [...f.errors.map((e) => `${e.code} ${e.path}`), ...f.notes]);
  runs.push({
    trigger: r.trigger,
    removed: r.filesRemoved,
    status: r.status,
    problems: problems.slice(0, 5),
  });
});
engine.on('warning', () => warnings++);
engine.on('snapshot', () => snapshots++);

let written = 0;
let deletedByTool = 0;
/**
 * Lets real work started by fake timers finish before time moves on: a cleanup the schedule started is
 * awaited (it is `cleaning` from the moment the scheduler asks for it), then the event loop turns a few
 * times for watcher events.
 */
async function drain(): Promise<void> {
  for (let i = 0; i < 3; i++) await turn();
  while (running > 0 || (await engine.getSnapshot()).cleaning) await new Promise((r) => setTimeout(r, 5));
  await new Promise((resolve) => setTimeout(resolve, 2));
}

const heapByDay: number[] = [];
for (let day = 1; day <= DAYS; day++) {
  for (let step = 0; step < STEPS_PER_DAY; step++) {
    const when = new Date(clock.now());
    for (let i = 0; i < FILES_PER_STEP; i++) {
      const file = join(root, `d${day}-s${step}-${i}.wav`);
      await fs.writeFile(file, Buffer.alloc(1000 + ((written + i) % 13) * 100, 0x61));
      await fs.utimes(file, when, when);
    }
    written += FILES_PER_STEP;
    // The tool removes one of its own recent files now and then: churn the engine did not cause.
    await fs.rm(join(root, `d${day}-s${step}-0.wav`)).then(() => deletedByTool++);
    clock.advance(STEP_MS);
    await drain();
  }
  heapByDay.push(Number(heapMB().toFixed(2)));
}

// Real time for the watcher's last events to reach the index before the totals are compared.
await new Promise((resolve) => setTimeout(resolve, 1000));
clock.advance(1000);
await drain();
const snapshot = await engine.getSnapshot();
const history = await engine.getHistory({ limit: 1000 });
const historyBytes = (await fs.stat(join(dir, 'data', HISTORY_FILE))).size;
const filesOnDisk = (await fs.readdir(root)).length;
// The runs the figures count are those heard before shutdown: a run the last snapshot started while
// dispose() stops the engine is cancelled, as it should be, and never reaches the history read above.
const heard = runs.slice();
await engine.dispose();
const pendingTimersAfterDispose = clock.pendingTimers();
await fs.rm(dir, { recursive: true, force: true });
const folder = snapshot.folders[0];
process.stdout.write(
  JSON.stringify({
    days: DAYS,
    written,
    deletedByTool,
    filesOnDisk,
    snapshotFiles: folder?.fileCount,
    runs: heard,
    historyRuns: history.runs.length,
    damagedLines: history.damagedLines,
    historyBytes,
    warnings,
    snapshots,
    heapByDay,
    pendingTimersAfterDispose,
    activeResources: process.getActiveResourcesInfo(),
    log: log.slice(0, 20),
  }) + '\n',
);
