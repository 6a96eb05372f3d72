/**
 * Issue 10 point 11: a `headroom clean` cut short tells the truth. Over 30,000 old files, a run killed
 * with SIGKILL once the history holds a checkpoint is shown at the next start as interrupted with the
 * counts of its last checkpoint: never more than the files really gone from disk, at most one checkpoint
 * interval (1,000 files) fewer. SIGINT and SIGTERM stop the run after the file in hand, record and print
 * the true totals and exit 130 or 143. The latency from signal to exit is printed, not asserted (CI is busy).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryPage, RunRecord } from '../../../shared/types.js';
import { DAY_MS, makeTempDir } from '../../support/make-tree.js';
import { runCli } from '../../support/run-cli.js';

const CLI = fileURLToPath(new URL('../../../electron/headless/cli.ts', import.meta.url));
const FILES = 30_000;
const PER_DIR = 500;
/** The most a checkpoint may lag behind the removals when a kill lands between them. */
const CHECKPOINT_SLACK_FILES = 1000;

let dir: string;
let cleanup: () => Promise<void>;
let root: string;
let dataDir: string;
let args: (...rest: string[]) => string[];

const relOf = (i: number) => `d${Math.floor(i / PER_DIR)}/f${i}.tmp`;

/** Writes every one of the FILES old files that is missing (all of them the first time). */
function refill(): void {
  const old = new Date(Date.now() - 30 * DAY_MS);
  for (let i = 0; i < FILES; i++) {
    const file = path.join(root, relOf(i));
    if (i % PER_DIR === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file)) continue;
    const fd = fs.openSync(file, 'w');
    fs.futimesSync(fd, old, old);
    fs.closeSync(fd);
  }
}

function missingFiles(): number {
  let missing = 0;
  for (let i = 0; i < FILES; i++) if (!fs.existsSync(path.join(root, relOf(i)))) missing++;
  return missing;
}

/** Whether the history file holds a checkpoint (a line of a running run) with `minRemoved` files or more. */
function checkpointSeen(minRemoved: number): boolean {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, 'history.jsonl'), 'utf8');
  } catch {
    return false;
  }
  return text.split('\n').some((line) => {
    try {
      const r = JSON.parse(line) as RunRecord;
      return r.status === 'running' && r.filesRemoved >= minRemoved;
    } catch {
      return false;
    }
  });
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From the first signal sent to the process's exit. */
  latencyMs: number;
}

/**
 * Starts `headroom <argv>`, waits for a checkpoint in the history with at least `minRemoved` files
 * (the run is then well into its removals), sends `signals` one after another (each after the first
 * once the process says it is stopping) and resolves once the process has exited.
 */
async function runAndSignal(argv: string[], signals: NodeJS.Signals[], minRemoved = 5000): Promise<Outcome> {
  // history.jsonl of earlier tests stays: only lines written by this run may count as its checkpoint.
  fs.rmSync(path.join(dataDir, 'history.jsonl'), { force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...argv], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let signalledAtMs = 0;
  const exited = new Promise<Omit<Outcome, 'stdout' | 'stderr'>>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code, signal, latencyMs: performance.now() - signalledAtMs }),
    ),
  );
  const deadline = performance.now() + 120_000;
  while (child.exitCode === null && child.signalCode === null && !checkpointSeen(minRemoved)) {
    if (performance.now() > deadline) break;
    await sleep(2);
  }
  const stillRunning = child.exitCode === null && child.signalCode === null;
  if (!stillRunning || !checkpointSeen(minRemoved)) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(
      `the run showed no checkpoint while it ran; stderr:\n${stderr}\nstdout:\n${stdout.slice(0, 2000)}`,
    );
  }
  signalledAtMs = performance.now();
  for (const [i, s] of signals.entries()) {
    // A later signal once the process has said it is stopping (signals sent together may merge into one).
    while (i > 0 && !stderr.includes('stopping') && child.exitCode === null) await sleep(1);
    if (child.exitCode === null) child.kill(s);
  }
  const outcome = await exited;
  return { ...outcome, stdout, stderr };
}

async function newestRun(): Promise<RunRecord> {
  const result = await runCli(args('history', '--json'));
  expect(result.code, result.stderr).toBe(0);
  const page = JSON.parse(result.stdout) as HistoryPage;
  expect(page.damagedLines).toBeLessThanOrEqual(1);
  const run = page.runs[0];
  if (!run) throw new Error('history lists no run');
  return run;
}

function configText(cleanupOnStartup: boolean): string {
  return [
    `cleanup_on_startup: ${cleanupOnStartup}`,
    'folders:',
    '  - name: temp',
    `    path: ${JSON.stringify(root)}`,
    '    max_age_days: 7',
    '',
  ].join('\n');
}

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-interrupted-'));
  root = path.join(dir, 'temp');
  dataDir = path.join(dir, 'data');
  const configFile = path.join(dir, 'config.yaml');
  args = (...rest) => ['--config', configFile, '--data-dir', dataDir, ...rest];
  fs.writeFileSync(configFile, configText(false));
  refill();
}, 180_000);

afterAll(async () => cleanup());

describe('an interrupted `headroom clean` (separate process, 30,000 files)', () => {
  it('killed with SIGKILL: the next start shows it interrupted with its last checkpoint, never more than was removed', async () => {
    refill();
    const outcome = await runAndSignal(args('clean', '--json'), ['SIGKILL']);
    expect(outcome.signal).toBe('SIGKILL');
    const missing = missingFiles();
    expect(missing).toBeGreaterThan(0);
    expect(missing, 'the kill should land mid-run').toBeLessThan(FILES);

    const run = await newestRun();
    console.info(`SIGKILL: ${missing} files gone from disk, the record says ${run.filesRemoved}`);
    expect(run.status).toBe('interrupted');
    expect(run.filesRemoved).toBeLessThanOrEqual(missing);
    expect(run.filesRemoved).toBeGreaterThanOrEqual(missing - CHECKPOINT_SLACK_FILES);
    expect(run.folders.map((f) => f.name)).toEqual(['temp']);
    expect(run.folders[0]?.filesRemoved).toBe(run.filesRemoved);
    expect(run.folders[0]?.notes.join(' ')).toMatch(/as of the last checkpoint/);
  }, 240_000);

  it('SIGINT: finishes the file in hand, records and prints the true totals (--json), exits 130', async () => {
    refill();
    const outcome = await runAndSignal(args('clean', '--json'), ['SIGINT']);
    console.info(`SIGINT: exited ${outcome.latencyMs.toFixed(0)} ms after the signal`);
    expect(outcome.code, outcome.stderr).toBe(130);
    const missing = missingFiles();
    expect(missing, 'the signal should land mid-run').toBeLessThan(FILES);

    const printed = JSON.parse(outcome.stdout) as RunRecord;
    expect(printed.status).toBe('cancelled');
    expect(printed.filesRemoved).toBe(missing);
    const run = await newestRun();
    expect(run).toMatchObject({ id: printed.id, status: 'cancelled', filesRemoved: missing });
  }, 240_000);

  it('SIGTERM: the same, printed as text, exits 143', async () => {
    refill();
    const outcome = await runAndSignal(args('clean'), ['SIGTERM']);
    console.info(`SIGTERM: exited ${outcome.latencyMs.toFixed(0)} ms after the signal`);
    expect(outcome.code, outcome.stderr).toBe(143);
    const missing = missingFiles();
    expect(missing, 'the signal should land mid-run').toBeLessThan(FILES);

    expect(outcome.stdout).toMatch(/^Removed [\d,]+ files?, .* — cleanup cancelled/);
    const printed = Number(/^Removed ([\d,]+) files?/.exec(outcome.stdout)?.[1]?.replace(/,/g, ''));
    expect(printed).toBe(missing);
    const run = await newestRun();
    expect(run).toMatchObject({ status: 'cancelled', filesRemoved: missing });
  }, 240_000);

  it('a second Ctrl-C exits at once with 130, and the record never claims more than was removed', async () => {
    refill();
    const outcome = await runAndSignal(args('clean', '--json'), ['SIGINT', 'SIGINT']);
    expect(outcome.code, outcome.stderr).toBe(130);
    const missing = missingFiles();
    const run = await newestRun();
    console.info(
      `SIGINT twice: exited ${outcome.latencyMs.toFixed(0)} ms after the first; ` +
        `recorded ${run.status}, ${run.filesRemoved} files, ${missing} gone from disk`,
    );
    // Either the first Ctrl-C finished the record before the second arrived, or the checkpoint stands.
    expect(['cancelled', 'interrupted']).toContain(run.status);
    expect(run.filesRemoved).toBeLessThanOrEqual(missing);
    expect(run.filesRemoved).toBeGreaterThanOrEqual(missing - CHECKPOINT_SLACK_FILES);
  }, 240_000);

  it('`headroom run` stopped by SIGTERM during its start-up cleanup cancels it: exit 0, true totals recorded', async () => {
    refill();
    const config = path.join(dir, 'config-startup.yaml');
    fs.writeFileSync(config, configText(true));
    const outcome = await runAndSignal(
      ['--config', config, '--data-dir', dataDir, 'run', '--json'],
      ['SIGTERM'],
    );
    console.info(`run, SIGTERM: exited ${outcome.latencyMs.toFixed(0)} ms after the signal`);
    expect(outcome.code, outcome.stderr).toBe(0);
    const missing = missingFiles();
    expect(missing, 'the signal should land mid-run').toBeLessThan(FILES);
    const run = await newestRun();
    expect(run).toMatchObject({ trigger: 'startup', status: 'cancelled', filesRemoved: missing });
  }, 240_000);
});
