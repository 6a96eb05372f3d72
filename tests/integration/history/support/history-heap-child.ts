/**
 * Measures, in a process of its own started with --expose-gc, the heap a HistoryStore holds for a file
 * of `runs` runs with 50 entries per list, beside the heap the same runs take as whole records (what the
 * store held before it kept only summaries). Prints one JSON line: { storeBytes, wholeBytes, listed }.
 * argv: runs
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRecordLine } from '../../../../electron/engine/history/history-file.js';
import { HistoryStore } from '../../../../electron/engine/history/history-store.js';
import type { RunRecord } from '../../../../shared/types.js';
import { detailedRun } from './detailed-run.js';

const RUNS = Number(process.argv[2] ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heapBytes = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const dir = await fs.mkdtemp(join(tmpdir(), 'headroom-history-heap-'));
try {
  const file = join(dir, 'history.jsonl');
  const lines = Array.from({ length: RUNS }, (_, i) => JSON.stringify(detailedRun(`run-${i}`, i)));
  await fs.writeFile(file, lines.join('\n') + '\n');
  lines.length = 0;

  const beforeStore = heapBytes();
  let opened: Awaited<ReturnType<typeof HistoryStore.open>> | null = await HistoryStore.open(file);
  const storeBytes = heapBytes() - beforeStore;
  const listed = (await opened.store.list({ limit: RUNS })).runs.length;
  await opened.store.close();
  opened = null;

  const text = await fs.readFile(file, 'utf8');
  const beforeWhole = heapBytes();
  let whole: (RunRecord | null)[] | null = text.split('\n').filter(Boolean).map(parseRecordLine);
  const wholeBytes = heapBytes() - beforeWhole;
  const parsed = whole.filter(Boolean).length;
  whole = null;

  process.stdout.write(JSON.stringify({ storeBytes, wholeBytes, listed, parsed }) + '\n');
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
