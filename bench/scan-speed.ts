/**
 * Full-scan time against `du -sb` on one generated tree.
 *   node --import tsx bench/scan-speed.ts 1000000 [dir]
 * Creates N empty files under `dir` (default a folder in the OS temp dir, kept for reruns), then times
 * `du -sb`, scanFolder with one worker and with two, best of three each, cache warm.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanFolder } from '../electron/engine/scan/scan-folder.js';

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

ensureTree();
await best('du -sb', () => void execFileSync('du', ['-sb', root]));
for (const workers of [1, 2]) {
  await best(`scanFolder, ${workers} worker${workers > 1 ? 's' : ''}`, async () => {
    const scan = await scanFolder(root, { workers });
    if (scan.files.count !== count + 1) throw new Error(`found ${scan.files.count} files`);
  });
}
