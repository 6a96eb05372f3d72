/**
 * The crash loop shared by `npm run crash-loop` and the short loop of the test run: one large tree,
 * one calibration run, then iterations that kill `headroom clean` at a random moment, plus config writes
 * killed midway. Random choices come from a seeded generator so a failing loop can be replayed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAndKill, type CliFlavour } from './cli-process.js';
import { killConfigWrite } from './config-kill.js';
import {
  crashIteration,
  waitFor,
  type IterationResult,
  type KillChoice,
  type LoopState,
} from './crash-iteration.js';
import { buildCrashTree, refill, type CrashTree } from './crash-tree.js';

export interface CrashLoopOptions {
  iterations: number;
  files: number;
  /** Config writes killed midway, spread over the loop. */
  configKills: number;
  flavour: CliFlavour;
  seed: number;
  onIteration?: (i: number, result: IterationResult) => void;
}

export interface CrashLoopReport {
  iterations: IterationResult[];
  calibration: Calibration;
  configProblems: string[];
  leftoverTempFiles: number;
  elapsedMs: number;
}

/** mulberry32: small, seedable, good enough to pick delays. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Of uncut runs: spawn to the begin record, begin record to exit, first removal to exit. */
export interface Calibration {
  beginMs: number;
  runMs: number;
  removalMs: number;
}

/** Two uncut runs, one timed from its begin record, one from its first removal. */
async function calibrate(tree: CrashTree, flavour: CliFlavour, args: string[], historyFile: string) {
  const runIds: string[] = [];
  const first = path.join(tree.root, [...tree.oldFiles].sort()[0] ?? '');
  const timed = async (after: 'begin' | 'removal') => {
    refill(tree);
    const uncut = await runAndKill(flavour, ['clean', '--json', ...args], {
      delayMs: 600_000,
      waitFor: waitFor(after, historyFile, first),
    });
    runIds.push((JSON.parse(uncut.stdout) as { id: string }).id);
    const waitedMs = uncut.waitedMs ?? uncut.atMs;
    return { waitedMs, restMs: Math.max(1, uncut.atMs - waitedMs) };
  };
  const begin = await timed('begin');
  const removal = await timed('removal');
  const calibration = { beginMs: begin.waitedMs, runMs: begin.restMs, removalMs: removal.restMs };
  return { calibration, runIds };
}

/**
 * A fifth of the kills land anywhere from the spawn to the begin record (start-up, config, history); two
 * fifths at a random delay after the begin record, up to what an uncut run takes from there (the scan,
 * then the removal); two fifths at a random delay after the first file went (mid-removal, mostly).
 */
function killChoice(rand: () => number, cal: Calibration): KillChoice {
  const r = rand();
  if (r < 0.2) return { after: 'spawn', delayMs: Math.floor(rand() * cal.beginMs) };
  if (r < 0.6) return { after: 'begin', delayMs: Math.floor(rand() * cal.runMs) };
  return { after: 'removal', delayMs: Math.floor(rand() * cal.removalMs) };
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopReport> {
  const startedMs = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-crash-'));
  try {
    const tree = buildCrashTree(dir, options.files);
    const args = ['--config', tree.configFile, '--data-dir', tree.dataDir];
    const historyFile = path.join(tree.dataDir, 'history.jsonl');
    const { calibration, runIds } = await calibrate(tree, options.flavour, args, historyFile);
    const rand = random(options.seed);
    const state: LoopState = { seenRunIds: new Set(runIds), cutLines: 0 };
    const iterations: IterationResult[] = [];
    const configProblems: string[] = [];
    let leftoverTempFiles = 0;
    const configEvery = Math.max(1, Math.floor(options.iterations / Math.max(1, options.configKills)));
    for (let i = 0; i < options.iterations; i++) {
      const result = await crashIteration(tree, options.flavour, killChoice(rand, calibration), state);
      iterations.push(result);
      options.onIteration?.(i, result);
      if (i % configEvery === 0 && i / configEvery < options.configKills) {
        const cfg = await killConfigWrite(path.join(dir, `config-kill-${i}`), Math.floor(rand() * 300));
        configProblems.push(...cfg.problems);
        leftoverTempFiles += cfg.leftoverTempFiles;
      }
    }
    return {
      iterations,
      calibration,
      configProblems,
      leftoverTempFiles,
      elapsedMs: performance.now() - startedMs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** How many kills landed where, e.g. `mid-removal 120, before-removal 60, …`. */
export function countPoints(results: readonly IterationResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.point] = (counts[r.point] ?? 0) + 1;
  return counts;
}
