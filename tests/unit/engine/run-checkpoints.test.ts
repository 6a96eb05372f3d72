/**
 * When a running cleanup writes a checkpoint, and what it holds. Fakes at two ports: the history (a sink
 * whose writes the test completes by hand) and the stopwatch that paces checkpoints.
 */
import { describe, expect, it } from 'vitest';
import { RunCheckpoints } from '../../../electron/engine/cleanup/run-checkpoints.js';
import type { FolderRunResult, RunRecord } from '../../../shared/types.js';
import { runningRecord } from '../../support/running-record.js';

const RUN = runningRecord();

/** A history fake: each write waits until the test settles it. */
function fakeSink() {
  const written: RunRecord[] = [];
  const pending: (() => void)[] = [];
  return {
    written,
    pending,
    sink: {
      checkpoint(run: RunRecord) {
        written.push(structuredClone(run));
        return new Promise<void>((resolve) => pending.push(resolve));
      },
    },
    /** Lets every write in flight finish, and the writes they started. */
    async settle() {
      while (pending.length > 0) {
        pending.splice(0).forEach((resolve) => resolve());
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}

function setup(folders = [{ name: 'temp', overLimitAfter: false }]) {
  const history = fakeSink();
  let elapsedMs = 0;
  const checkpoints = new RunCheckpoints(history.sink, RUN, folders, {
    nowMs: () => Date.parse('2026-11-23T05:12:03.000Z'),
    elapsedMs: () => elapsedMs,
  });
  const tick = (ms: number) => (elapsedMs += ms);
  return { history, checkpoints, tick };
}

const progress = (filesDone: number, filesRemoved: number, bytesFreed = filesRemoved * 4096) => ({
  filesDone,
  filesTotal: 10_000,
  filesRemoved,
  bytesFreed,
});

describe('RunCheckpoints (fake history and stopwatch)', () => {
  it('writes once 500 files were removed since the last, counting removals, not files done', async () => {
    const { history, checkpoints } = setup();
    checkpoints.progress(0, progress(900, 499));
    expect(history.written).toHaveLength(0);
    checkpoints.progress(0, progress(1000, 500));
    expect(history.written.map((r) => r.filesRemoved)).toEqual([500]);
    await history.settle();
    checkpoints.progress(0, progress(1400, 999));
    expect(history.written).toHaveLength(1);
    checkpoints.progress(0, progress(1500, 1000));
    expect(history.written.map((r) => r.filesRemoved)).toEqual([500, 1000]);
  });

  it('writes a second after the last when anything new was removed, and never for nothing new', async () => {
    const { history, checkpoints, tick } = setup();
    checkpoints.progress(0, progress(10, 3));
    tick(999);
    checkpoints.progress(0, progress(11, 4));
    expect(history.written).toHaveLength(0);
    tick(1);
    checkpoints.progress(0, progress(12, 5));
    expect(history.written.map((r) => r.filesRemoved)).toEqual([5]);
    await history.settle();
    tick(5000);
    checkpoints.progress(0, progress(40, 5));
    expect(history.written).toHaveLength(1);
  });

  it('keeps one write in flight: what falls due meanwhile goes out after it, with the newest counts', async () => {
    const { history, checkpoints } = setup();
    checkpoints.progress(0, progress(500, 500));
    checkpoints.progress(0, progress(1000, 1000));
    checkpoints.progress(0, progress(1700, 1700));
    expect(history.written.map((r) => r.filesRemoved)).toEqual([500]);
    await history.settle();
    expect(history.written.map((r) => r.filesRemoved)).toEqual([500, 1700]);
  });

  it('holds finished folders exactly (lists counted in omitted) and the rest so far, with a note', async () => {
    const { history, checkpoints } = setup([
      { name: 'outputs', overLimitAfter: false },
      { name: 'temp', overLimitAfter: true },
      { name: 'vc_inputs', overLimitAfter: false },
    ]);
    const outputs: FolderRunResult = {
      name: 'outputs',
      removed: [{ path: 'a.wav', sizeBytes: 10, reason: 'age' }],
      skipped: [{ path: 'b.wav', why: 'protected' }],
      errors: [],
      filesRemoved: 1,
      bytesFreed: 4096,
      removedDirs: ['old'],
      overLimitAfter: false,
      notes: ['a note of the run'],
    };
    checkpoints.folderDone(0, outputs);
    checkpoints.progress(1, progress(600, 520, 8192));
    await history.settle();
    const last = history.written.at(-1) as RunRecord;
    expect(last).toMatchObject({ id: RUN.id, status: 'running', filesRemoved: 521, bytesFreed: 4096 + 8192 });
    expect(last.folders[0]).toEqual({
      ...outputs,
      removed: [],
      skipped: [],
      removedDirs: [],
      omitted: { removed: 1, skipped: 1, errors: 0 },
    });
    expect(last.folders[1]).toMatchObject({ name: 'temp', filesRemoved: 520, overLimitAfter: true });
    expect(last.folders[2]).toMatchObject({ name: 'vc_inputs', filesRemoved: 0 });
    for (const f of last.folders.slice(1)) {
      expect(f.notes).toEqual([
        expect.stringMatching(/as of the last checkpoint \(2026-11-23T05:12:03.000Z\)/),
      ]);
    }
  });

  it('writes nothing after stop, which waits for the write in flight', async () => {
    const { history, checkpoints } = setup();
    checkpoints.progress(0, progress(500, 500));
    let stopped = false;
    const stopping = checkpoints.stop().then(() => (stopped = true));
    checkpoints.progress(0, progress(5000, 5000));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    await history.settle();
    await stopping;
    expect(history.written.map((r) => r.filesRemoved)).toEqual([500]);
  });

  it('goes on when a checkpoint cannot be written', async () => {
    let attempts = 0;
    const checkpoints = new RunCheckpoints(
      { checkpoint: async () => void (attempts++, await Promise.reject(new Error('ENOSPC'))) },
      RUN,
      [{ name: 'temp', overLimitAfter: false }],
      { nowMs: () => 0, elapsedMs: () => 0 },
    );
    checkpoints.progress(0, progress(500, 500));
    await new Promise((r) => setImmediate(r));
    checkpoints.progress(0, progress(1000, 1000));
    await checkpoints.stop();
    expect(attempts).toBe(2);
  });
});
