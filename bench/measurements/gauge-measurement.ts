/**
 * A gauge that moves (issue 17 item 2): from a file's last write to the new totals in `headroom run --json`'s
 * snapshot stream, over single writes a quiet spell apart, and a 10,000-file burst: how long after its last
 * write the totals are exact, and how many snapshots it cost (the stream must stay a few a second).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { figure } from '../lib/figures.js';
import { resultOf, type Measurement } from '../lib/bench-context.js';
import { benchConfig, completeSnapshot, launchUntil, stop } from '../lib/headroom-cli.js';
import { benchTempDir } from '../lib/synthetic-tree.js';

/** Each snapshot line's arrival time and the watched folder's file count. */
interface Seen {
  atMs: number;
  files: number;
}

/** Follows the child's snapshot lines from now on. */
function follow(child: ChildProcess): { seen: Seen[]; until: (files: number) => Promise<number> } {
  const seen: Seen[] = [];
  const waiters: { files: number; resolve: (atMs: number) => void }[] = [];
  let buffered = '';
  child.stdout?.on('data', (d: Buffer) => {
    const atMs = performance.now();
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{"type":"snapshot"')) continue;
      const files = (JSON.parse(line) as { folders: { fileCount: number }[] }).folders[0]?.fileCount ?? -1;
      seen.push({ atMs, files });
      for (const w of waiters.splice(0)) {
        if (w.files === files) w.resolve(atMs);
        else waiters.push(w);
      }
    }
  });
  const until = (files: number) =>
    new Promise<number>((resolve, reject) => {
      const last = seen.at(-1);
      if (last?.files === files) return resolve(last.atMs);
      const timer = setTimeout(() => reject(new Error(`no snapshot with ${files} files in 60 s`)), 60_000);
      waiters.push({ files, resolve: (atMs) => (clearTimeout(timer), resolve(atMs)) });
    });
  return { seen, until };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The most snapshots that arrived within any one second of `seen`. */
function busiestSecond(seen: Seen[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < seen.length; i++) {
    while ((seen[i] as Seen).atMs - (seen[j] as Seen).atMs >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/**
 * Writes `count` small files from another process, so this one's event loop stays free to timestamp the
 * snapshot lines as they come; resolves with the time of the last write, on this process's clock.
 */
async function writeBurst(dir: string, count: number): Promise<number> {
  const script =
    'const fs=require("fs"),p=require("path");const [d,n]=process.argv.slice(1);' +
    'for(let i=0;i<+n;i++)fs.writeFileSync(p.join(d,"b-"+i+".wav"),"0123456789abcdef");' +
    'process.stdout.write(String(Date.now()))';
  const child = spawn(process.execPath, ['-e', script, dir, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  return performance.now() - (Date.now() - Number(out));
}

export const gaugeMeasurement: Measurement = {
  name: 'gauge',
  async run(ctx) {
    const smoke = ctx.repeat.repetitions === 1 && ctx.idleSeconds <= 1;
    const singles = smoke ? 5 : 60;
    const burst = smoke ? 500 : 10_000;
    const home = mkdtempSync(join(benchTempDir(), 'headroom-bench-gauge-'));
    const root = join(home, 'outputs');
    mkdirSync(root);
    const { args, dispose } = benchConfig([root]);
    ctx.log(`gauge: ${singles} single writes, then a ${burst}-file burst, through headroom run --json`);
    const { child } = await launchUntil(['run', '--json', ...args], completeSnapshot([0]));
    try {
      const stream = follow(child);
      const latencies: number[] = [];
      for (let i = 0; i < singles; i++) {
        // A quiet spell between writes (400–700 ms), so each is the first change after one.
        await sleep(400 + ((i * 137) % 300));
        writeFileSync(join(root, `single-${i}.wav`), Buffer.alloc(1024, 1));
        const writtenMs = performance.now();
        latencies.push((await stream.until(i + 1)) - writtenMs);
      }
      await sleep(1000);
      const from = stream.seen.length;
      const burstDir = join(root, 'burst');
      mkdirSync(burstDir);
      const lastWriteMs = await writeBurst(burstDir, burst);
      const exactMs = (await stream.until(singles + burst)) - lastWriteMs;
      const during = stream.seen.slice(from);
      const figures = [
        figure('Gauge: write → new totals p50', 'ms', [percentile(latencies, 50)]),
        figure('Gauge: write → new totals p95', 'ms', [percentile(latencies, 95)], { target: { max: 300 } }),
        figure(`Gauge: ${burst}-file burst, last write → exact`, 'ms', [exactMs], { target: { max: 2000 } }),
        figure(`Gauge: snapshots during the burst`, 'count', [during.length]),
        figure('Gauge: most snapshots in one second of the burst', 'count', [busiestSecond(during)], {
          target: { max: 5 },
        }),
      ];
      const notes = [
        `${singles} single 1 KB writes 400–700 ms apart, each timed from writeFileSync's return to the first snapshot line with the new count; then ${burst} 16 B files written as fast as one thread of another process can.`,
        `Single-write latencies (ms): ${latencies.map((ms) => Math.round(ms)).join(' ')}.`,
      ];
      return resultOf(
        ctx,
        'gauge',
        'A gauge that moves: write → snapshot (headroom run --json)',
        null,
        figures,
        notes,
      );
    } finally {
      await stop(child);
      dispose();
      rmSync(home, { recursive: true, force: true });
    }
  },
};
