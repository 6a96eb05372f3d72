/**
 * Synthetic folder trees for the benchmarks: `files` files spread over `folders` leaf folders, sizes 0–64 KiB,
 * mtimes over 30 days, all reproducible from a seed. Files are sparse (`ftruncate`, no data written): `du -sb`
 * and the scanner both count apparent sizes, so the figures are the same as with real data, and a million
 * files cost inodes rather than 32 GB of disk.
 */
import {
  closeSync,
  existsSync,
  futimesSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, shuffledRange } from './seeded-random.js';

export interface TreeSpec {
  files: number;
  /** Leaf folders; files are dealt round-robin into them. */
  folders: number;
  seed: number;
}

/** What a generated tree holds, so a measurement can check its tool saw all of it. */
export interface TreeFacts {
  spec: TreeSpec;
  fileCount: number;
  /** Every folder, leaves and their parents, not counting the root. */
  dirCount: number;
  totalBytes: number;
  /** Files with mtime at or before this (epoch seconds) are exactly the oldest half. */
  halfMtimeSec: number;
}

export interface SyntheticTree extends TreeFacts {
  root: string;
}

const MAX_FILE_BYTES = 64 * 1024;
const SPAN_SEC = 30 * 86_400;
/** 2025-01-01 UTC: a fixed epoch keeps the tree identical whenever it is generated. */
const BASE_SEC = 1_735_689_600;

/** Leaf `i`: `a12/b3/c4`, the same layout `bench/watch-compare.ts` expects for its `--child` mode. */
export function leafDir(i: number): string {
  return `a${Math.floor(i / 100)}/b${Math.floor(i / 10) % 10}/c${i % 10}`;
}

/** The cached tree for `spec` under the OS temp dir, generated first if it is not there yet. */
export function ensureTree(spec: TreeSpec): SyntheticTree {
  const home = cacheDir(spec);
  const manifest = join(home, 'manifest.json');
  const root = join(home, 'tree');
  if (existsSync(manifest)) {
    return { ...(JSON.parse(readFileSync(manifest, 'utf8')) as TreeFacts), root };
  }
  rmSync(home, { recursive: true, force: true }); // a run cut short left half a tree
  const facts = writeTree(root, spec);
  writeFileSync(`${manifest}.tmp`, JSON.stringify(facts));
  renameSync(`${manifest}.tmp`, manifest);
  return { ...facts, root };
}

/** Where the benchmark keeps its trees: the OS temp dir, or `HEADROOM_BENCH_CACHE` (the smoke test's own). */
export function benchTempDir(): string {
  return process.env.HEADROOM_BENCH_CACHE ?? tmpdir();
}

/** Where `ensureTree` keeps the tree for `spec`. */
export function cacheDir(spec: TreeSpec): string {
  return join(benchTempDir(), `headroom-bench-v1-${spec.files}f-${spec.folders}d-s${spec.seed}`);
}

/** Generates the tree for `spec` into `root` (which must not exist yet); checks disk space first. */
export function writeTree(root: string, spec: TreeSpec): TreeFacts {
  checkFreeSpace(spec);
  const random = seededRandom(spec.seed);
  const slots = shuffledRange(spec.files, random);
  const dirs = new Set<string>();
  for (let d = 0; d < Math.min(spec.folders, spec.files); d++) {
    const leaf = leafDir(d);
    mkdirSync(join(root, leaf), { recursive: true });
    for (let at = leaf.indexOf('/'); at > 0; at = leaf.indexOf('/', at + 1)) dirs.add(leaf.slice(0, at));
    dirs.add(leaf);
  }
  let totalBytes = 0;
  for (let i = 0; i < spec.files; i++) {
    const sizeBytes = Math.floor(random() * (MAX_FILE_BYTES + 1));
    const mtimeSec = mtimeOfSlot(slots[i] as number, spec.files);
    const path = join(root, leafDir(i % spec.folders), `out_${String(i).padStart(9, '0')}.wav`);
    const fd = openSync(path, 'w');
    try {
      ftruncateSync(fd, sizeBytes);
      futimesSync(fd, mtimeSec, mtimeSec);
    } finally {
      closeSync(fd);
    }
    totalBytes += sizeBytes;
  }
  const halfMtimeSec = mtimeOfSlot(Math.floor(spec.files / 2) - 1, spec.files);
  return { spec, fileCount: spec.files, dirCount: dirs.size, totalBytes, halfMtimeSec };
}

/** Distinct whole seconds spread evenly over 30 days (a million files are 2.6 s apart): no ties at the median. */
function mtimeOfSlot(slot: number, files: number): number {
  return BASE_SEC + Math.floor((slot * SPAN_SEC) / files);
}

/** Refuses to start a tree that would fill the disk or run out of inodes. */
function checkFreeSpace(spec: TreeSpec): void {
  const fs = statfsSync(benchTempDir());
  const freeBytes = fs.bavail * fs.bsize;
  // Sparse files use no data blocks; directory entries and some slack are what they cost.
  const needBytes = 1024 ** 3 + spec.files * 1024;
  const needInodes = Math.ceil((spec.files + spec.folders * 1.2) * 1.1);
  if (freeBytes < needBytes || fs.ffree < needInodes) {
    throw new Error(
      `Not enough room in ${benchTempDir()} for ${spec.files} files: need ${Math.ceil(needBytes / 2 ** 20)} MB ` +
        `and ${needInodes} inodes, have ${Math.floor(freeBytes / 2 ** 20)} MB and ${fs.ffree}.`,
    );
  }
}
