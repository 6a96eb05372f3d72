/**
 * Where a full scan's time goes, against `du -sb` on the benchmark's own tree (bench/lib/synthetic-tree).
 *   node --import tsx bench/scan-speed.ts [files=100000] [rounds=3]
 * Each round times, in turn: `du -sb`; the walk on this thread by path and through the addon's directory
 * handles (one thread each: the cost per entry); and scanFolder with one worker and with two (the whole
 * pipeline). Prints the best of the rounds and each round's figures, cache warm, and the CPU time each
 * took (all threads; du's from its rusage): on a busy machine the wall time mostly measures the scheduler.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { loadScanAddon } from '../electron/engine/removal/native-dir-fs.js';
import { packByteList } from '../electron/engine/scan/byte-list.js';
import { scanFolder } from '../electron/engine/scan/scan-folder.js';
import type { WalkChunk, WalkTask } from '../electron/engine/scan/scan-types.js';
import { walkDirsByPath } from '../electron/engine/scan/walk-dirs.js';
import { walkDirsNative } from '../electron/engine/scan/walk-dirs-native.js';
import { ensureTree } from './lib/synthetic-tree.js';

const files = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
const tree = ensureTree({ files, folders: files / 100, seed: 1 });
const root = tree.root;

/** The whole walk on this thread, chunk after chunk as one worker would take them; the files found. */
function walkAll(walk: (task: WalkTask) => WalkChunk): number {
  const { dev: rootDev, ino: rootIno } = statSync(root);
  let dirs = packByteList([new Uint8Array(0)]);
  let found = 0;
  while (dirs.offsets.length > 1) {
    const task = { root: new Uint8Array(Buffer.from(root)), rootDev, rootIno, dirs, budgetEntries: 65_536 };
    const chunk = walk(task);
    found += chunk.files.count;
    dirs = chunk.pending;
  }
  return found;
}

function check(found: number): void {
  if (found !== tree.fileCount) throw new Error(`found ${found} of ${tree.fileCount} files`);
}

const addon = loadScanAddon();
const contenders: (readonly [string, () => Promise<void> | void])[] = [
  ['du -sb', () => void execFileSync('du', ['-sb', root])],
  ['walk by path, 1 thread', () => check(walkAll(walkDirsByPath))],
  ...(addon
    ? [['walk by handle, 1 thread', () => check(walkAll((task) => walkDirsNative(task, addon)))] as const]
    : []),
  ...[1, 2].map(
    (workers) =>
      [
        `scanFolder, ${workers} worker${workers > 1 ? 's' : ''}`,
        async () => check((await scanFolder(root, { workers })).files.count),
      ] as const,
  ),
];

/** CPU ms of this process's threads and of its waited-for children (du), from /proc: 10 ms ticks. */
function cpuMsNow(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  return ticks * 10;
}

const times = new Map<string, number[]>(contenders.map(([label]) => [label, []]));
const cpu = new Map<string, number[]>(contenders.map(([label]) => [label, []]));
for (let round = 0; round <= rounds; round++) {
  for (const [label, run] of contenders) {
    const started = performance.now();
    const cpuBefore = cpuMsNow();
    await run();
    const cpuMs = cpuMsNow() - cpuBefore;
    // Round 0 warms the cache and the code, and is not counted.
    if (round > 0) times.get(label)?.push(performance.now() - started);
    if (round > 0) cpu.get(label)?.push(cpuMs);
  }
}
const du = Math.min(...(times.get('du -sb') ?? []));
console.log(
  `${tree.fileCount} files in ${tree.dirCount} folders, load ${execFileSync('uptime').toString().trim()}`,
);
for (const [label, values] of times) {
  const best = Math.min(...values);
  const each = values.map((t) => t.toFixed(0)).join(', ');
  const cpuMs = Math.min(...(cpu.get(label) ?? [])).toFixed(0);
  console.log(
    `${label.padEnd(26)} best ${best.toFixed(0).padStart(6)} ms  ${(best / du).toFixed(2)}x du  cpu ${cpuMs.padStart(5)} ms  (${each})`,
  );
}
