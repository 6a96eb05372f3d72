/**
 * Memory of the folder index against a plain Map, for N files in one run.
 *   node --expose-gc --import tsx bench/index-memory.ts 1000000
 * Prints retained bytes per file (heap + array buffers, after a full GC) and the process's RSS and peak RSS
 * of a process that built only that structure (each runs in a child process), beside a baseline.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FolderIndex } from '../electron/engine/index/folder-index.js';
import { PackedFilesBuilder } from '../electron/engine/scan/packed-files.js';
import { indexFromScan } from './lib/index-from-scan.js';

const count = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const encoder = new TextEncoder();

/** A realistic generated-output path, ~40 bytes: `session-123/take-45/out_000123456.wav`. */
const pathOf = (i: number) =>
  `session-${i % 500}/take-${Math.floor(i / 500) % 100}/out_${String(i).padStart(9, '0')}.wav`;

function retainedBytes(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function measure<T>(label: string, build: () => T): T {
  const baselineRss = process.memoryUsage().rss;
  const before = retainedBytes();
  const started = performance.now();
  const built = build();
  const ms = performance.now() - started;
  const after = retainedBytes();
  const { rss } = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${label.padEnd(36)} ${((after - before) / count).toFixed(1).padStart(6)} B/file` +
      `  build ${ms.toFixed(0)} ms  rss ${mb(rss)}  peak rss ${mb(peak)} (baseline ${mb(baselineRss)})`,
  );
  return built;
}

const modes = {
  upsert: () => {
    const index = measure('FolderIndex (upsert one by one)', () => {
      const built = new FolderIndex();
      for (let i = 0; i < count; i++) built.upsert(pathOf(i), i, 1_700_000_000_000 + i);
      return built;
    });
    check(
      index.totals().fileCount,
      `  arrays held by the index: ${(index.byteLength() / count).toFixed(1)} B/file`,
    );
  },
  fromScan: () => {
    const index = measure('indexFromScan (scan dropped)', () => {
      const builder = new PackedFilesBuilder(count);
      for (let i = 0; i < count; i++)
        builder.add(encoder.encode(pathOf(i)), 0, i, 1_700_000_000_000 + i, 1, i);
      const scan = {
        root: '/',
        exists: true,
        error: null,
        files: builder.build(),
        dirs: [],
        unreadable: [],
        durationMs: 0,
      };
      return indexFromScan(scan);
    });
    check(
      index.totals().fileCount,
      `  arrays held by the index: ${(index.byteLength() / count).toFixed(1)} B/file`,
    );
  },
  map: () => {
    const map = measure('Map<string, {size, mtime}>', () => {
      const built = new Map<string, { size: number; mtime: number }>();
      for (let i = 0; i < count; i++) built.set(pathOf(i), { size: i, mtime: 1_700_000_000_000 + i });
      return built;
    });
    check(map.size, '');
  },
};

function check(indexed: number, note: string): void {
  if (indexed !== count) throw new Error(`lost files: ${indexed} of ${count}`);
  if (note) console.log(note);
}

const mode = process.argv[3] as keyof typeof modes | undefined;
if (mode) {
  modes[mode]();
} else {
  // Each structure in a fresh process, so that one's freed pages do not inflate the next one's RSS.
  console.log(
    `${count} files, node ${process.version}; rss/peak are of a process holding only that structure`,
  );
  for (const name of Object.keys(modes)) {
    execFileSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), String(count), name],
      {
        stdio: 'inherit',
      },
    );
  }
}
