import { describe, expect, it } from 'vitest';
import type { PackedFiles } from '../../../electron/engine/scan/packed-files.js';
import { PackedFilesBuilder } from '../../../electron/engine/scan/packed-files.js';
import { joinChunks } from '../../../electron/engine/scan/join-chunks.js';
import { concatPacked, entriesOf, entryAt } from '../../../bench/lib/packed-entries.js';

const encoder = new TextEncoder();

function chunk(from: number, count: number): PackedFiles {
  const b = new PackedFilesBuilder(count);
  for (let i = from; i < from + count; i++)
    b.add(encoder.encode(`d${i % 7}/f${i}.bin`), 0, i, 1e12 + i, 1, i);
  return b.build();
}

describe('joinChunks', () => {
  it('joins chunks in order, exactly as PackedFiles.concat does', async () => {
    const parts = [chunk(0, 50), chunk(50, 1), chunk(51, 200), chunk(251, 0)];
    const expected = entriesOf(concatPacked(parts));
    const joined = await joinChunks([...parts]);
    expect(entriesOf(joined)).toEqual(expected);
    expect(joined.count).toBe(251);
  });

  it('lets the event loop run between chunks instead of copying them all in one turn', async () => {
    const parts = Array.from({ length: 5 }, (_, i) => chunk(i * 10, 10));
    let turnsTaken = 0;
    const tick = setInterval(() => turnsTaken++, 0);
    const ticker = setImmediate(function again() {
      turnsTaken++;
      if (turnsTaken < 100) setImmediate(again);
    });
    await joinChunks(parts);
    clearInterval(tick);
    clearImmediate(ticker);
    expect(turnsTaken).toBeGreaterThanOrEqual(3);
    expect(parts).toEqual([]); // handed over one by one, so each can be freed early
  });

  it('an exactly full builder hands over its columns, and a later add leaves the built files untouched', () => {
    const b = new PackedFilesBuilder(20, 20 * 3);
    for (let i = 0; i < 20; i++) b.add(encoder.encode(`f${String(i).padStart(2, '0')}`), 0, i, i, 1, i);
    const built = b.build();
    expect(built.pathBytes.length).toBe(60);
    b.add(encoder.encode('later'), 0, 99, 99, 1, 99);
    expect(built.count).toBe(20);
    expect(entriesOf(built).map((e) => e.path)).toEqual(
      Array.from({ length: 20 }, (_, i) => `f${String(i).padStart(2, '0')}`),
    );
    expect(entryAt(b.build(), 20)).toMatchObject({ path: 'later', sizeBytes: 99 });
  });
});
