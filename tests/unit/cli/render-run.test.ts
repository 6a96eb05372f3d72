/** A clean's human report (#15 item 8): each error's code once, plurals right. */
import { describe, expect, it } from 'vitest';
import { renderRun } from '../../../electron/headless/commands/clean-command.js';
import type { RunRecord } from '../../../shared/types.js';

const folder = (over: Partial<RunRecord['folders'][number]>): RunRecord['folders'][number] =>
  ({
    name: 'outputs',
    filesRemoved: 0,
    bytesFreed: 0,
    skipped: [],
    errors: [],
    notes: [],
    ...over,
  }) as RunRecord['folders'][number];

const record = (folders: RunRecord['folders']): RunRecord =>
  ({
    id: 'run-1',
    trigger: 'manual',
    status: 'completed_with_errors',
    dryRun: false,
    startedAt: '2026-11-30T10:00:00.000Z',
    finishedAt: '2026-11-30T10:00:01.000Z',
    filesRemoved: folders.reduce((n, f) => n + f.filesRemoved, 0),
    bytesFreed: folders.reduce((n, f) => n + f.bytesFreed, 0),
    folders,
  }) as RunRecord;

describe('renderRun', () => {
  it('prints an error code once when the message already starts with it', () => {
    const text = renderRun(
      record([
        folder({
          errors: [
            { path: 'a.wav', code: 'EPERM', message: "EPERM: operation not permitted, unlink 'a.wav'" },
            { path: 'b.wav', code: 'EIO', message: 'the disk did not answer' },
          ],
        }),
      ]),
    );
    expect(text).toContain("error a.wav: EPERM: operation not permitted, unlink 'a.wav'");
    expect(text).toContain('error b.wav: EIO: the disk did not answer');
    expect(text).not.toContain('EPERM EPERM');
  });

  it('says "1 error", "2 skipped" and "removed 1 file"', () => {
    const text = renderRun(
      record([
        folder({
          filesRemoved: 1,
          bytesFreed: 10,
          skipped: [
            { path: 'x', why: 'changed' },
            { path: 'y', why: 'changed' },
          ] as never,
          errors: [{ path: 'z', code: 'EIO', message: 'EIO: i/o error' }],
        }),
      ]),
    );
    expect(text).toMatch(
      /^Removed 1 file, 10 B freed — cleanup completed with errors \(manual, run run-1\)\.\n/,
    );
    expect(text).toContain('outputs: removed 1 file (10 B freed), 2 skipped, 1 error');
  });
});
