/**
 * The parent-swap attack of issue 10, against the real executor: while a cleanup removes the old files of
 * `root/sub`, another process exchanges `root/sub` with a symbolic link to an outside folder that holds
 * files and folders of the same names, in a tight loop (renameat2 RENAME_EXCHANGE, tests/attack/support/
 * swapper.c, compiled here with the machine's gcc). Afterwards the outside folder is counted: every file
 * and folder removed there is a removal outside the root.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CleanupAction, FolderRunResult, PlannedRemoval } from '../../../shared/types.js';
export type { CleanupAction };
import { executePlan } from '../../../electron/engine/executor/execute-plan.js';
import { folderRules } from '../../support/folder-rules.js';

/**
 * Runs of each attack case in `npm test`. Before the removal core, the same cases removed 1,038 / 966 / 101
 * outside files in 20 runs (delete / trash / a `nobody` attacker) and 276 through a bind mount: 5 to 50 a
 * run, so four runs catch a regression all but surely while the suite stays under ten minutes. The figure
 * the README quotes (20 runs a case) is `npm run test:attack`, or `HEADROOM_ATTACK_RUNS=20`.
 */
export const ATTACK_RUNS_IN_SUITE = 4;

const SOURCE = fileURLToPath(new URL('./swapper.c', import.meta.url));

/** Compiles the swapper once per process into `dir`; returns its path. */
export function buildSwapper(dir: string): string {
  const out = path.join(dir, 'swapper');
  if (!fs.existsSync(out)) execFileSync('gcc', ['-O2', '-o', out, SOURCE]);
  return out;
}

export interface AttackTree {
  base: string;
  root: string;
  outside: string;
  /** Relative paths under the root (and, by the same names, under the outside folder). */
  files: string[];
  dirs: string[];
}

/**
 * `base/root/sub/dK/fJ` and `outside/dK/fJ`, plus `base/root/.swap` → `outside`. The outside folder is
 * made once and shared by the runs of a test (every run must leave it as it was): pass it in.
 */
export function makeAttackTree(
  base: string,
  dirCount: number,
  filesPerDir: number,
  outside = path.join(base, 'outside'),
): AttackTree {
  const root = path.join(base, 'root');
  const makeOutside = !fs.existsSync(outside);
  const files: string[] = [];
  const dirs: string[] = [];
  for (let d = 0; d < dirCount; d++) {
    const dir = `d${String(d).padStart(4, '0')}`;
    dirs.push(dir);
    fs.mkdirSync(path.join(root, 'sub', dir), { recursive: true });
    if (makeOutside) fs.mkdirSync(path.join(outside, dir), { recursive: true });
    for (let f = 0; f < filesPerDir; f++) {
      const name = `f${String(f).padStart(5, '0')}.wav`;
      files.push(`sub/${dir}/${name}`);
      fs.writeFileSync(path.join(root, 'sub', dir, name), 'inside');
      if (makeOutside) fs.writeFileSync(path.join(outside, dir, name), 'outside');
    }
  }
  fs.symlinkSync(outside, path.join(root, '.swap'));
  return { base, root, outside, files, dirs };
}

/** What the scan would have planned: every file under `root/sub`, by its identity now. */
export function planEverything(tree: AttackTree): PlannedRemoval[] {
  return tree.files.map((rel) => {
    const st = fs.lstatSync(path.join(tree.root, rel));
    return { path: rel, sizeBytes: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino, reason: 'age' };
  });
}

export interface AttackOutcome {
  result: FolderRunResult;
  swaps: number;
  outsideFilesRemoved: number;
  outsideDirsRemoved: number;
  insideFilesLeft: number;
}

/** Runs the swapper (as `asUser`, when given, through setpriv) while `run` executes. */
export async function underSwap<T>(
  swapper: string,
  root: string,
  run: () => Promise<T>,
  asUser?: { uid: number; gid: number },
): Promise<{ value: T; swaps: number }> {
  const [cmd, args] = asUser
    ? ['setpriv', [`--reuid=${asUser.uid}`, `--regid=${asUser.gid}`, '--clear-groups', swapper]]
    : [swapper, []];
  const child = spawn(cmd as string, [...(args as string[]), root, 'sub', '.swap'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('ready') && resolve());
    void exited.then((code) => reject(new Error(`the swapper exited early (${code})`)));
  });
  let value: T;
  try {
    value = await run();
  } finally {
    child.kill('SIGTERM');
  }
  const code = await exited;
  if (code !== 0) throw new Error(`the swapper failed (exit ${code})`);
  return { value, swaps: Number(out.split('\n')[1] ?? 0) };
}

/** A cleanup of `items` in `root` with `action`, as the run would make it (grace period long past). */
export function cleanUp(
  root: string,
  items: PlannedRemoval[],
  action: CleanupAction,
  forcePathFallback = false,
) {
  return executePlan({
    root,
    plan: {
      name: 'outputs',
      remove: items,
      bytesToFree: 0,
      overLimitAfter: false,
      notes: [],
      kept: { protected: 0, young: 0 },
    },
    rules: folderRules({ path: root, maxAgeDays: 1, action }),
    nowMs: () => Date.now() + 86_400_000,
    retryDelayMs: 0,
    forcePathFallback,
  });
}

/** One attack: plan `tree`, then execute under the swap, then count what is left where. */
export async function attackOnce(
  tree: AttackTree,
  swapper: string,
  action: CleanupAction,
  asUser?: { uid: number; gid: number },
): Promise<AttackOutcome> {
  if (asUser) execFileSync('chown', ['-R', `${asUser.uid}:${asUser.gid}`, tree.root]);
  const items = planEverything(tree);
  const { value: result, swaps } = await underSwap(
    swapper,
    tree.root,
    () => cleanUp(tree.root, items, action),
    asUser,
  );
  const outsideFiles = tree.files.filter((rel) =>
    fs.existsSync(path.join(tree.outside, rel.slice('sub/'.length))),
  ).length;
  const outsideDirs = tree.dirs.filter((d) => fs.existsSync(path.join(tree.outside, d))).length;
  const insideLeft = tree.files.filter((rel) => fs.existsSync(path.join(tree.root, rel))).length;
  return {
    result,
    swaps,
    outsideFilesRemoved: tree.files.length - outsideFiles,
    outsideDirsRemoved: tree.dirs.length - outsideDirs,
    insideFilesLeft: insideLeft,
  };
}

export function tempBase(prefix = 'headroom-attack-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

/** Every file under `dir` whose content is `text` (the outside folder's files say "outside"). */
export function countFilesSaying(dir: string, text: string): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8') === text) n++;
  }
  return n;
}
