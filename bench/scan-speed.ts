/**
 * Full-scan time against `du -sb` on one generated tree.
 *   node --import tsx bench/scan-speed.ts 1000000 [dir]
 * Creates N empty files under `dir` (default a folder in the OS temp dir, kept for reruns), then times
 * `du -sb`, the walk on this thread by path and through the addon's directory handles (one thread each,
 * the per-entry cost), and scanFolder with one worker and with two: best of three each, cache warm.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { loadScanAddon } from '../electron/engine/removal/native-dir-fs.js';
import { packByteList } from '../electron/engine/scan/byte-list.js';
import { scanFolder } from '../electron/engine/scan/scan-folder.js';
import type { WalkChunk, WalkTask } from '../electron/engine/scan/scan-types.js';
import { walkDirsByPath } from '../electron/engine/scan/walk-dirs.js';
import { walkDirsNative } from '../electron/engine/scan/walk-dirs-native.js';

const count = Number(process.argv[2] ?? 1_000_000);
const root = process.argv[3] ?? join(tmpdir(), `headroom-bench-${count}`);
const PER_DIR = 1_000;

function ensureTree(): void {
  const marker = join(root, '.complete');
  if (existsSync(marker)) return;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const dir = join(
      root,
      `session-${Math.floor(i / PER_DIR) % 100}`,
      `batch-${Math.floor(i / (PER_DIR * 100))}`,
    );
    if (i % PER_DIR === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `out_${i}.wav`), '');
  }
  writeFileSync(marker, '');
  console.log(`created ${count} files in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function best(label: string, run: () => Promise<void> | void): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  console.log(
    `${label.padEnd(22)} best ${Math.min(...times).toFixed(0)} ms  (${times.map((t) => t.toFixed(0)).join(', ')})`,
  );
}

/** The whole walk on this thread, chunk after chunk as one worker would take them; the files found. */
function walkAll(walk: (task: WalkTask) => WalkChunk): number {
  const rootDev = statSync(root).dev;
  let dirs = packByteList([new Uint8Array(0)]);
  let files = 0;
  while (dirs.offsets.length > 1) {
    const chunk = walk({ root: new Uint8Array(Buffer.from(root)), rootDev, dirs, budgetEntries: 65_536 });
    files += chunk.files.count;
    dirs = chunk.pending;
  }
  return files;
}

ensureTree();
await best('du -sb', () => void execFileSync('du', ['-sb', root]));
await best('walk by path', () => void walkAll(walkDirsByPath));
const addon = loadScanAddon();
if (addon) await best('walk by handle (addon)', () => void walkAll((task) => walkDirsNative(task, addon)));
for (const workers of [1, 2]) {
  await best(`scanFolder, ${workers} worker${workers > 1 ? 's' : ''}`, async () => {
    const scan = await scanFolder(root, { workers });
    if (scan.files.count !== count + 1) throw new Error(`found ${scan.files.count} files`);
  });
}
