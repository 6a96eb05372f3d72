/**
 * One crash-loop iteration: plan with `preview --json`, run `clean --json` and SIGKILL it at a random
 * moment, then check what a crash may leave: a history whose only damaged line is the last one, the cut
 * run shown as interrupted at the next start with the counts of its last checkpoint (never more than
 * went, at most 1,000 fewer), only planned files removed, nothing outside changed, and the next `clean`
 * finishing the job (the plan afterwards is empty).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CleanupPreview, HistoryPage, RunRecord } from '../../../shared/types.js';
import { runAndKill, runHeadroom, type CliFlavour } from './cli-process.js';
import { listFiles, outsideState, refill, type CrashTree } from './crash-tree.js';

/** Where the kill landed, judged by what it left on disk. */
export type KillPoint = 'before-removal' | 'mid-removal' | 'after-removal' | 'not-killed';

export interface IterationResult {
  point: KillPoint;
  killAtMs: number;
  removedByKilled: number;
  planned: number;
  problems: string[];
}

/** When the kill comes: `delayMs` after the spawn, after the run's begin record, or after its first removal. */
export interface KillChoice {
  after: 'spawn' | 'begin' | 'removal';
  delayMs: number;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The moment a kill waits for: the history file grew (begin record) or the first planned file went. */
export function waitFor(after: KillChoice['after'], historyFile: string, firstPlanned: string) {
  if (after === 'spawn') return undefined;
  if (after === 'removal') return () => !fs.existsSync(firstPlanned);
  const sizeBefore = sizeOf(historyFile);
  return () => sizeOf(historyFile) > sizeBefore;
}

/** What the loop carries from one iteration to the next. */
export interface LoopState {
  seenRunIds: Set<string>;
  /** Kills that cut the history's last line short (each stays a damaged line until compaction). */
  cutLines: number;
}

const HISTORY = 'history.jsonl';

const parses = (line: string) => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

/**
 * Right after a kill: every complete line parses, except lines cut by earlier kills (the next append
 * starts a new line after them); only the last line, without its newline, may be cut by this kill.
 */
function checkHistoryFile(file: string, state: LoopState, problems: string[]): void {
  if (!fs.existsSync(file)) return;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const tail = lines.pop() as string;
  const damaged = lines.filter((line) => line.trim() !== '' && !parses(line)).length;
  if (damaged > state.cutLines) {
    problems.push(
      `history holds ${damaged} damaged complete lines; earlier kills cut only ${state.cutLines}`,
    );
  }
  if (tail !== '' && !parses(tail)) state.cutLines++;
}

function parseJson<T>(what: string, stdout: string, problems: string[]): T | null {
  try {
    return JSON.parse(stdout) as T;
  } catch {
    problems.push(`${what} did not print JSON: ${stdout.slice(0, 200)}`);
    return null;
  }
}

async function plannedPaths(flavour: CliFlavour, args: string[], problems: string[]): Promise<string[]> {
  const out = await runHeadroom(flavour, ['preview', '--json', ...args]);
  if (out.code !== 0) problems.push(`preview exited ${out.code}: ${out.stderr}`);
  const preview = parseJson<CleanupPreview>('preview', out.stdout, problems);
  return preview?.folders.flatMap((f) => f.remove.map((r) => r.path)) ?? [];
}

/** The runs `history --json` shows, after checking it opens cleanly. */
async function historyRuns(flavour: CliFlavour, args: string[], state: LoopState, problems: string[]) {
  const out = await runHeadroom(flavour, ['history', '--json', '--limit', '1000', ...args]);
  if (out.code !== 0) problems.push(`history exited ${out.code}: ${out.stderr}`);
  const page = parseJson<HistoryPage>('history', out.stdout, problems);
  if (page && page.damagedLines > state.cutLines) {
    problems.push(`history has ${page.damagedLines} damaged lines, but only ${state.cutLines} kills cut one`);
  }
  if (page?.runs.some((r) => r.status === 'running')) problems.push('a run still shows as running');
  return page?.runs ?? [];
}

/** The killed run as the next start shows it. */
function checkKilledRun(
  runs: RunRecord[],
  state: LoopState,
  removed: number,
  planned: number,
  problems: string[],
) {
  const fresh = runs.filter((r) => !state.seenRunIds.has(r.id));
  fresh.forEach((r) => state.seenRunIds.add(r.id));
  if (fresh.length > 1) problems.push(`${fresh.length} new runs after one killed clean`);
  const run = fresh[0];
  if (!run) {
    if (removed > 0) problems.push(`${removed} files were removed by a run that history never recorded`);
    return;
  }
  const finished = run.status === 'completed' && removed === planned;
  if (run.status !== 'interrupted' && !finished) {
    problems.push(`the killed run shows as ${run.status} after removing ${removed} of ${planned}`);
  }
  // Its last checkpoint: never a file more than went, at most one checkpoint interval fewer.
  if (run.filesRemoved > removed || run.filesRemoved < removed - CHECKPOINT_SLACK_FILES) {
    problems.push(`the killed run records ${run.filesRemoved} files removed, but ${removed} went`);
  }
}

/** The most a run's last checkpoint may lag behind its removals (issue 10 point 11). */
const CHECKPOINT_SLACK_FILES = 1000;

export async function crashIteration(
  tree: CrashTree,
  flavour: CliFlavour,
  kill: KillChoice,
  state: LoopState,
): Promise<IterationResult> {
  const problems: string[] = [];
  const args = ['--config', tree.configFile, '--data-dir', tree.dataDir];
  refill(tree);
  const planned = await plannedPaths(flavour, args, problems);
  const plannedSet = new Set(planned);
  if (planned.length !== tree.oldFiles.length) {
    problems.push(`preview planned ${planned.length} files, expected the ${tree.oldFiles.length} old ones`);
  }
  const outside = outsideState(tree);
  const before = listFiles(tree.root);
  const historyFile = path.join(tree.dataDir, HISTORY);
  const first = path.join(tree.root, planned[0] ?? 'nothing-planned');
  const killed = await runAndKill(flavour, ['clean', '--json', ...args], {
    delayMs: kill.delayMs,
    waitFor: waitFor(kill.after, historyFile, first),
  });

  const gone = [...before].filter((f) => !fs.existsSync(path.join(tree.root, f)));
  for (const f of gone) if (!plannedSet.has(f)) problems.push(`removed ${f}, which was not planned`);
  if (outsideState(tree) !== outside) problems.push('the outside folder or the planted link changed');
  checkHistoryFile(historyFile, state, problems);
  checkKilledRun(
    await historyRuns(flavour, args, state, problems),
    state,
    gone.length,
    planned.length,
    problems,
  );

  const next = await runHeadroom(flavour, ['clean', '--json', ...args]);
  const record = parseJson<RunRecord>('clean', next.stdout, problems);
  if (record) state.seenRunIds.add(record.id);
  if (next.code !== 0 || record?.status !== 'completed') {
    problems.push(`the next clean ended ${record?.status ?? next.code}: ${next.stderr}`);
  }
  if (record && record.filesRemoved !== planned.length - gone.length) {
    problems.push(`the next clean removed ${record.filesRemoved}, expected ${planned.length - gone.length}`);
  }
  const after = await plannedPaths(flavour, args, problems);
  if (after.length > 0) problems.push(`the plan after the next clean still holds ${after.length} files`);
  const left = listFiles(tree.root);
  if (left.size !== tree.youngFiles.length) problems.push(`${left.size} files left, expected the young ones`);
  return {
    point: pointOf(killed.killed, gone.length, planned.length),
    killAtMs: killed.atMs,
    removedByKilled: gone.length,
    planned: planned.length,
    problems,
  };
}

function pointOf(killed: boolean, removed: number, planned: number): KillPoint {
  if (!killed) return 'not-killed';
  if (removed === 0) return 'before-removal';
  return removed < planned ? 'mid-removal' : 'after-removal';
}
