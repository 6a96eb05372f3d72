/**
 * The store's heap, measured after full GCs in a child process (--expose-gc): 1,000 runs with 50 entries
 * per list and folder take ~40 KB each as whole records, which is what the store used to hold; holding
 * summaries and line offsets, it must take a small fraction of that.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./support/history-heap-child.ts', import.meta.url));
const RUNS = 1000;

interface HeapFigures {
  storeBytes: number;
  wholeBytes: number;
  listed: number;
  parsed: number;
}

describe('HistoryStore memory (child process, --expose-gc)', () => {
  it('holds 1,000 detailed runs in a tenth of the heap their whole records take', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--expose-gc',
      '--import',
      'tsx',
      CHILD,
      String(RUNS),
    ]);
    const f = JSON.parse(stdout) as HeapFigures;
    expect([f.listed, f.parsed]).toEqual([RUNS, RUNS]);
    // The measurement itself must see the records: 2 folders x 3 lists x 50 entries is well over 10 KB a run.
    expect(f.wholeBytes / RUNS).toBeGreaterThan(10 * 1024);
    expect(f.storeBytes, JSON.stringify(f)).toBeLessThan(f.wholeBytes / 10);
    expect(f.storeBytes / RUNS, JSON.stringify(f)).toBeLessThan(4 * 1024);
  }, 60_000);
});
