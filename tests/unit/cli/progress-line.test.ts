/** The clean's progress line on a terminal's stderr (#15 item 8). The clock is a fake, at its port. */
import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../../../electron/headless/progress-line.js';

function setup() {
  let now = 0;
  const written: string[] = [];
  const line = new ProgressLine({ write: (t) => written.push(t), nowMs: () => now });
  return { line, written, tick: (ms: number) => (now += ms) };
}

const progress = (folder: string, filesDone: number, filesTotal: number, bytesFreed: number) => ({
  runId: 'r1',
  folder,
  filesDone,
  filesTotal,
  bytesFreed,
});

describe('ProgressLine (fake clock)', () => {
  it('stays silent for a clean that ends within a second', () => {
    const { line, written, tick } = setup();
    line.update(progress('outputs', 100, 200, 1024));
    tick(900);
    line.update(progress('outputs', 200, 200, 2048));
    line.finish();
    expect(written).toEqual([]);
  });

  it('after a second, redraws one line in place with files, bytes and rate, summed over folders', () => {
    const { line, written, tick } = setup();
    line.update(progress('outputs', 1000, 4000, 1024 * 1024));
    tick(1000);
    line.update(progress('outputs', 2000, 4000, 2 * 1024 * 1024));
    line.update(progress('temp', 500, 1000, 1024 * 1024));
    tick(1000);
    line.update(progress('outputs', 4000, 4000, 4 * 1024 * 1024));
    expect(written).toEqual([
      '\r\u001b[2KCleaning: 2,000 of 4,000 files, 2 MB freed, 2,000 files/s',
      '\r\u001b[2KCleaning: 4,500 of 5,000 files, 5 MB freed, 2,250 files/s',
    ]);
    line.finish();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('redraws at most every 100 ms', () => {
    const { line, written, tick } = setup();
    tick(1000);
    for (let i = 1; i <= 10; i++) {
      line.update(progress('outputs', i, 10, i));
      tick(20);
    }
    expect(written).toHaveLength(2);
  });
});
