/**
 * Compares the watch backends on one generated tree (benchmarks issue targets: ready < 1 s, at most one
 * watch per folder, < 80 MB for watching, write→event p95 < 300 ms, 10,000-file burst exact < 2 s).
 *
 *   [WATCH_BURST_FILES=10000] node --import tsx bench/watch-compare.ts [files=100000] [dirs=1000]
 *
 * Each backend runs in its own child process, so RSS and inotify counts are not mixed up.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChokidarBackend } from './lib/chokidar-backend.js';
import { fsWatchBackend } from '../electron/engine/live/fs-watch-backend.js';
import type { RawChange, WatchBackend } from '../electron/engine/live/watch-backend.js';

/** The burst size; WATCH_BURST_FILES lowers it for a quick run on a shared machine. */
const BURST_FILES = Number(process.env.WATCH_BURST_FILES ?? 10_000);
const LATENCY_WRITES = 200;

interface Result {
  backend: string;
  readyMs: number;
  rssAddedMb: number;
  inotifyWatches: number;
  p50Ms: number;
  p95Ms: number;
  burstSettleMs: number;
  burstExact: boolean;
  burstSeen: number;
}

/** Leaf directories a{i/100}/b{i/10%10}/c{i%10} and every parent of them, relative. */
function treeDirs(leafCount: number): { leaves: string[]; all: string[] } {
  const leaves = Array.from(
    { length: leafCount },
    (_, i) => `a${Math.floor(i / 100)}/b${Math.floor(i / 10) % 10}/c${i % 10}`,
  );
  const all = new Set<string>();
  for (const leaf of leaves) {
    const parts = leaf.split('/');
    for (let n = 1; n <= parts.length; n++) all.add(parts.slice(0, n).join('/'));
  }
  return { leaves, all: [...all] };
}

async function buildTree(root: string, fileCount: number, leaves: string[]): Promise<void> {
  for (const leaf of leaves) await mkdir(path.join(root, leaf), { recursive: true });
  const payload = Buffer.alloc(100, 1);
  for (let i = 0; i < fileCount; i += 256) {
    const batch = [];
    for (let j = i; j < Math.min(fileCount, i + 256); j++) {
      batch.push(writeFile(path.join(root, leaves[j % leaves.length] as string, `f${j}.bin`), payload));
    }
    await Promise.all(batch);
  }
}

async function inotifyWatchCount(): Promise<number> {
  let count = 0;
  for (const fd of await readdir('/proc/self/fdinfo')) {
    const text = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
    count += text.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return count;
}

function rssMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss / 1024 ** 2;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function startBackend(name: string, root: string, dirs: string[], onChanges: (c: RawChange[]) => void) {
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const backend: WatchBackend =
    name === 'chokidar' ? createChokidarBackend({ onReady: () => ready() }) : fsWatchBackend;
  const handle = backend.watch(root, dirs, {
    onChanges,
    onError: (f) => console.error('watch error:', f.message),
  });
  if (name !== 'chokidar') ready();
  await readyPromise;
  return { handle, label: backend.name };
}

async function measure(name: string, root: string, dirs: string[], leaves: string[]): Promise<Result> {
  const seen = new Map<string, { atMs: number; sizeBytes: number }>();
  const onChanges = (changes: RawChange[]) => {
    const atMs = performance.now();
    for (const c of changes) if (c.kind === 'upsert') seen.set(c.path, { atMs, sizeBytes: c.sizeBytes });
  };
  const rssBefore = rssMb();
  const t0 = performance.now();
  const { handle, label } = await startBackend(name, root, dirs, onChanges);
  const readyMs = performance.now() - t0;
  const rssAddedMb = rssMb() - rssBefore;
  const inotifyWatches = await inotifyWatchCount();

  const writtenAt = new Map<string, number>();
  for (let i = 0; i < LATENCY_WRITES; i++) {
    const rel = `${leaves[(i * 7919) % leaves.length]}/lat${i}.txt`;
    writtenAt.set(rel, performance.now());
    await writeFile(path.join(root, rel), 'x');
    await new Promise((r) => setTimeout(r, 15));
  }
  await waitFor(() => [...writtenAt.keys()].every((p) => seen.has(p)), 10_000);
  const latencies = [...writtenAt].map(([p, t]) => (seen.get(p)?.atMs ?? Infinity) - t).sort((a, b) => a - b);

  const burstDir = leaves[0] as string;
  const burstPaths = Array.from({ length: BURST_FILES }, (_, i) => `${burstDir}/burst${i}.bin`);
  for (let i = 0; i < burstPaths.length; i += 64) {
    await Promise.all(
      burstPaths
        .slice(i, i + 64)
        .map((p, j) => writeFile(path.join(root, p), Buffer.alloc(((i + j) % 50) + 1))),
    );
  }
  const lastWriteMs = performance.now();
  const exact = () => burstPaths.every((p, i) => seen.get(p)?.sizeBytes === (i % 50) + 1);
  const burstExact = await waitFor(exact, 30_000);
  const burstSettleMs = performance.now() - lastWriteMs;
  const burstSeen = burstPaths.filter((p, i) => seen.get(p)?.sizeBytes === (i % 50) + 1).length;
  await handle.close();
  return {
    backend: label,
    readyMs,
    rssAddedMb,
    inotifyWatches,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    burstSettleMs,
    burstExact,
    burstSeen,
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

async function child(name: string, root: string, leafCount: number): Promise<void> {
  const { leaves, all } = treeDirs(leafCount);
  const result = await measure(name, root, all, leaves);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  const fileCount = Number(process.argv[2] ?? 100_000);
  const leafCount = Number(process.argv[3] ?? 1000);
  const { leaves, all } = treeDirs(leafCount);
  const root = await mkdtemp(path.join(os.tmpdir(), 'headroom-watch-bench-'));
  const results: Result[] = [];
  try {
    const tBuild = performance.now();
    await buildTree(root, fileCount, leaves);
    console.log(
      `tree: ${fileCount} files in ${all.length + 1} folders, built in ${Math.round(performance.now() - tBuild)} ms`,
    );
    for (const name of ['fs', 'chokidar']) {
      await rm(root, { recursive: true, force: true });
      await buildTree(root, fileCount, leaves); // each backend starts from the same fresh tree
      const self = fileURLToPath(import.meta.url);
      const run = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', self, '--child', name, root, String(leafCount)],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) throw new Error(`${name} run failed: ${run.stderr.slice(-2000)}`);
      results.push(JSON.parse(line.slice('RESULT '.length)) as Result);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  console.table(
    results.map((r) => ({
      backend: r.backend,
      'ready ms': Math.round(r.readyMs),
      'RSS added MB': Math.round(r.rssAddedMb),
      'inotify watches': r.inotifyWatches,
      'p50 ms': Math.round(r.p50Ms),
      'p95 ms': Math.round(r.p95Ms),
      [`burst ${BURST_FILES} settle ms`]: Math.round(r.burstSettleMs),
      'burst exact': r.burstExact,
      'burst seen': r.burstSeen,
    })),
  );
}

if (process.argv[2] === '--child')
  await child(process.argv[3] ?? 'fs', process.argv[4] ?? '', Number(process.argv[5]));
else await main();
