/**
 * What checkpoints cost a large cleanup (issue 10 point 11): the same run over N old files (default
 * 50,000) through the cleanup service and the delete worker, with three histories: checkpoints written
 * without fsync (what ships, `write`), written and fsync'd (`fsync`), and none at all (`none`). Also per
 * checkpoint: how long its write took, and how many files it held beyond the last one already written
 * (the files a kill at that moment would leave uncounted, as far as the host knew). Rounds alternate the
 * variants; each gets a fresh tree. Run: `npx tsx bench/checkpoint-cost.ts [--files N] [--rounds R]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CleanupService } from '../electron/engine/cleanup/cleanup-service.js';
import { HistoryStore } from '../electron/engine/history/history-store.js';
import { systemClock } from '../electron/engine/ports.js';
import type { AppConfig, RunRecord } from '../shared/types.js';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '3' } },
});
const FILES = Number(values.files);
const ROUNDS = Number(values.rounds);
const PER_DIR = 500;
const DAY_MS = 86_400_000;

type Variant = 'write' | 'fsync' | 'none';

function writeTree(root: string): void {
  const old = new Date(Date.now() - 30 * DAY_MS);
  for (let i = 0; i < FILES; i++) {
    const file = path.join(root, `d${Math.floor(i / PER_DIR)}`, `f${i}.tmp`);
    if (i % PER_DIR === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, 'x');
    fs.futimesSync(fd, old, old);
    fs.closeSync(fd);
  }
}

function config(root: string): AppConfig {
  const folder = {
    name: 'temp',
    path: root,
    maxSizeBytes: null,
    maxFiles: null,
    maxAgeDays: 7,
    minAgeMinutes: 10,
    sizeTargetPercent: 80,
    exclude: [],
    protect: [],
    action: 'delete' as const,
    enabled: true,
    caseSensitiveGlobs: true,
    kind: 'files' as const,
    manifestFile: null,
    retentionHours: null,
  };
  return {
    warningThresholdPercent: 80,
    cleanupOnStartup: false,
    cleanupIntervalHours: 5,
    freeSpaceFloorPercent: 5,
    pollIntervalSeconds: 60,
    notifications: true,
    startAtLogin: false,
    folders: [folder],
  };
}

interface Stats {
  checkpoints: number;
  latencyMs: number[];
  /** Per checkpoint: the files it holds beyond the last one already on disk when it was asked for. */
  exposure: number[];
}

/** The real store for begin and finish; checkpoints as the variant says, each timed. */
function historyFor(store: HistoryStore, file: string, variant: Variant, stats: Stats) {
  let durable = 0;
  let chain = Promise.resolve();
  const write = async (run: RunRecord) => {
    if (variant === 'write') return store.checkpoint(run);
    if (variant === 'none') return;
    // The store's append with an fsync, one at a time as its queue does them.
    chain = chain.then(async () => {
      const handle = await fs.promises.open(file, 'a');
      try {
        await handle.writeFile(JSON.stringify(run) + '\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    return chain;
  };
  const history = {
    begin: (run: RunRecord) => store.begin(run),
    finish: (run: RunRecord) => store.finish(run),
    checkpoint: async (run: RunRecord) => {
      stats.checkpoints++;
      stats.exposure.push(run.filesRemoved - durable);
      const started = performance.now();
      await write(run);
      stats.latencyMs.push(performance.now() - started);
      durable = Math.max(durable, run.filesRemoved);
    },
  };
  return history as unknown as HistoryStore;
}

async function once(variant: Variant): Promise<{ ms: number } & Stats> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-checkpoints-'));
  try {
    const root = path.join(home, 'temp');
    writeTree(root);
    const file = path.join(home, 'history.jsonl');
    const { store } = await HistoryStore.open(file);
    const stats: Stats = { checkpoints: 0, latencyMs: [], exposure: [] };
    const history = historyFor(store, file, variant, stats);
    const service = new CleanupService({ history, clock: systemClock, emit: () => undefined });
    const started = performance.now();
    const record = await service.run(config(root), { trigger: 'manual' });
    const ms = performance.now() - started;
    await store.close();
    if (record.filesRemoved !== FILES) throw new Error(`removed ${record.filesRemoved} of ${FILES}`);
    return { ms, ...stats };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
const variants: Variant[] = ['write', 'fsync', 'none'];
const results = new Map<Variant, ({ ms: number } & Stats)[]>(variants.map((v) => [v, []]));
console.log(`cleanup of ${FILES} old files (plan + remove), ${ROUNDS} rounds, variants alternating`);
for (let round = 0; round < ROUNDS; round++) {
  for (const v of variants) {
    const r = await once(v);
    results.get(v)!.push(r);
    const lat =
      v === 'none'
        ? ''
        : `, write p50 ${quantile(r.latencyMs, 0.5).toFixed(2)} ms max ${Math.max(...r.latencyMs).toFixed(1)} ms, max exposure ${Math.max(...r.exposure)} files`;
    console.log(
      `  round ${round + 1} ${v.padEnd(5)} ${r.ms.toFixed(0).padStart(6)} ms, ${r.checkpoints} checkpoints${lat}`,
    );
  }
}
console.log('\nmedian run time:');
for (const v of variants) {
  const rs = results.get(v)!;
  console.log(
    `  ${v.padEnd(5)} ${quantile(
      rs.map((r) => r.ms),
      0.5,
    )
      .toFixed(0)
      .padStart(6)} ms`,
  );
}
