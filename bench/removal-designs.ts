/**
 * `node --import tsx bench/removal-designs.ts [FILES]`: the two race-free removal designs issue 10 allowed,
 * side by side on fresh copies of the same tree, each removing the oldest half of FILES files (default
 * 100,000 in 1,000 folders), with `find -delete` selecting the same files as the reference:
 *
 * - addon: Headroom's removal core (openat/fstatat/unlinkat through native/), run on this thread;
 * - chdir helper: a child process that pins each folder as its working directory (`process.chdir`, then
 *   `lstat('.')` compared with the folder's identity) and removes by bare name with lstat + unlink, the
 *   design that needs no compiler, timed from the moment the child has the list (its start-up excluded).
 *
 * Prints medians of 3 rounds. A benchmark, not a test: nothing fails on a slow figure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { jobFiles } from '../electron/engine/executor/build-removal-job.js';
import { runRemovalJob } from '../electron/engine/removal/run-removal-job.js';
import { trashPlace } from '../electron/engine/removal/trash-target.js';
import { benchTempDir, writeTree, type TreeFacts } from './lib/synthetic-tree.js';

const files = Number(process.argv[2] ?? 100_000);
const spec = { files, folders: Math.max(1, Math.round(files / 100)), seed: 1 };

/** The oldest half of the tree's files, oldest first, as the planner would list them. */
function oldestHalf(root: string, facts: TreeFacts) {
  const all: { rel: string; st: fs.Stats }[] = [];
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const st = fs.lstatSync(path.join(root, rel));
    if (st.isFile() && st.mtimeMs / 1000 <= facts.halfMtimeSec) all.push({ rel, st });
  }
  return all.sort((a, b) => a.st.mtimeMs - b.st.mtimeMs || (a.rel < b.rel ? -1 : 1));
}

function fresh<T>(use: (root: string, facts: TreeFacts) => T): T {
  const home = fs.mkdtempSync(path.join(benchTempDir(), 'headroom-designs-'));
  try {
    const root = path.join(home, 'tree');
    return use(root, writeTree(root, spec));
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function addon(root: string, facts: TreeFacts): number {
  const items = oldestHalf(root, facts).map(({ rel, st }) => ({
    path: rel,
    sizeBytes: st.size,
    mtimeMs: st.mtimeMs,
    dev: st.dev,
    ino: st.ino,
    reason: 'count' as const,
  }));
  const rootSt = fs.statSync(root);
  const started = performance.now();
  const job = {
    rootRealPath: root,
    rootDev: rootSt.dev,
    rootIno: rootSt.ino,
    action: 'delete' as const,
    dryRun: false,
    ...jobFiles({ isProtected: () => false, isExcluded: () => false, graceMs: 0, nowMs: Date.now }, items),
    trashPlace: trashPlace(),
    retryDelayMs: 0,
    removedBefore: [],
    forcePathFallback: false,
  };
  const result = runRemovalJob(job, {
    stop: () => 0,
    onFileDone: () => undefined,
    sleep: () => undefined,
    nowMs: Date.now,
  });
  const ms = performance.now() - started;
  if (result.outcomes.some((o) => o !== null)) throw new Error('the addon kept files');
  return ms;
}

const CHDIR_HELPER = `
const fs = require('fs');
let text = ''; process.stdin.on('data', (c) => (text += c)).on('end', () => {
  const { root, dirs } = JSON.parse(text);
  const started = performance.now();
  for (const d of dirs) {
    process.chdir(d.rel ? root + '/' + d.rel : root);
    const here = fs.lstatSync('.');
    if (here.ino !== d.ino || here.dev !== d.dev) continue; // swapped: not ours
    for (const f of d.files) {
      const st = fs.lstatSync(f.name);
      if (!st.isFile() || st.ino !== f.ino || st.size !== f.size || st.mtimeMs !== f.mtimeMs) continue;
      fs.unlinkSync(f.name);
    }
  }
  process.stdout.write(String(performance.now() - started));
});`;

function chdirHelper(root: string, facts: TreeFacts): number {
  const byDir = new Map<string, { rel: string; dev: number; ino: number; files: object[] }>();
  for (const { rel, st } of oldestHalf(root, facts)) {
    const dirRel = path.dirname(rel) === '.' ? '' : path.dirname(rel);
    let dir = byDir.get(dirRel);
    if (!dir) {
      const dst = fs.lstatSync(path.join(root, dirRel));
      dir = { rel: dirRel, dev: dst.dev, ino: dst.ino, files: [] };
      byDir.set(dirRel, dir);
    }
    dir.files.push({ name: path.basename(rel), ino: st.ino, size: st.size, mtimeMs: st.mtimeMs });
  }
  const child = spawnSync(process.execPath, ['-e', CHDIR_HELPER], {
    input: JSON.stringify({ root, dirs: [...byDir.values()] }),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return Number(child.stdout);
}

function find(root: string, facts: TreeFacts): number {
  const started = performance.now();
  execFileSync('find', [root, '-type', 'f', '!', '-newermt', `@${facts.halfMtimeSec}`, '-delete']);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rounds: Record<string, number[]> = { addon: [], 'chdir helper': [], 'find -delete': [] };
for (let round = 0; round < 3; round++) {
  rounds.addon!.push(fresh(addon));
  rounds['chdir helper']!.push(fresh(chdirHelper));
  rounds['find -delete']!.push(fresh(find));
}
const reference = median(rounds['find -delete']!);
console.log(`Remove the oldest half of ${files} files (${spec.folders} folders), median of 3:`);
for (const [name, ms] of Object.entries(rounds)) {
  console.log(
    `  ${name.padEnd(14)} ${median(ms).toFixed(0).padStart(6)} ms  ${(median(ms) / reference).toFixed(2)}x find`,
  );
}
