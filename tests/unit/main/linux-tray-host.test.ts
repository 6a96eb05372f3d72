import { describe, expect, it } from 'vitest';
import {
  probeStatusNotifierHost,
  waitForStatusNotifierHost,
} from '../../../electron/main/linux-tray-host.js';
import type { RunCommand } from '../../../electron/main/linux-tray-host.js';

/** The session bus at the process port: what gdbus prints for each question, or null when it cannot run. */
function bus(answers: { watcher: string | null; host?: string | null }[]): RunCommand & { calls: number } {
  let probe = -1;
  const run = async (_file: string, args: string[]) => {
    run.calls++;
    const asksWatcher = args.includes('org.freedesktop.DBus.NameHasOwner');
    if (asksWatcher) probe++;
    const answer = answers[Math.min(probe, answers.length - 1)]!;
    return asksWatcher ? answer.watcher : (answer.host ?? null);
  };
  run.calls = 0;
  return run;
}

describe('probeStatusNotifierHost (fake session bus)', () => {
  it('is present only when the watcher runs and reports a registered host', async () => {
    expect(await probeStatusNotifierHost(bus([{ watcher: '(true,)\n', host: '(<true>,)\n' }]))).toBe(
      'present',
    );
    expect(await probeStatusNotifierHost(bus([{ watcher: '(true,)\n', host: '(<false>,)\n' }]))).toBe(
      'absent',
    );
    expect(await probeStatusNotifierHost(bus([{ watcher: '(false,)\n' }]))).toBe('absent');
    expect(await probeStatusNotifierHost(bus([{ watcher: null }]))).toBe('unknown');
  });

  it('waits for a tray host that appears after the app (a login item starting before the panel)', async () => {
    const slept: number[] = [];
    const state = await waitForStatusNotifierHost({
      run: bus([{ watcher: '(false,)' }, { watcher: '(false,)' }, { watcher: '(true,)', host: '(<true>,)' }]),
      sleep: async (ms) => void slept.push(ms),
      attempts: 10,
      intervalMs: 1000,
    });
    expect(state).toBe('present');
    expect(slept).toEqual([1000, 1000]);
  });

  it('gives up after its attempts, and does not wait where the bus cannot be asked', async () => {
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    const absent = await waitForStatusNotifierHost({
      run: bus([{ watcher: '(false,)' }]),
      sleep,
      attempts: 3,
      intervalMs: 5,
    });
    expect([absent, slept]).toEqual(['absent', [5, 5]]);
    const unknown = await waitForStatusNotifierHost({
      run: bus([{ watcher: null }]),
      sleep,
      attempts: 3,
      intervalMs: 5,
    });
    expect([unknown, slept.length]).toEqual(['unknown', 2]);
  });
});
