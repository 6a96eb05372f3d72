import { describe, expect, it } from 'vitest';
import {
  ownItemRegistered,
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

describe('ownItemRegistered (fake session bus)', () => {
  const pids: Record<string, number> = {
    ':1.119': 900,
    'org.kde.StatusNotifierItem-6710-2': 6710,
    ':1.209': 4242,
  };
  const run =
    (items: string | null): RunCommand =>
    async (_file, args) => {
      if (args.includes('RegisteredStatusNotifierItems')) return items;
      const pid = pids[args.at(-1) ?? ''];
      return pid === undefined ? null : `(uint32 ${pid},)\n`;
    };

  it("finds this process's item whatever form its name takes, and says so when the host refused it", async () => {
    const listed =
      "(<[':1.119/org/blueman/sni', 'org.kde.StatusNotifierItem-6710-2/StatusNotifierItem', ':1.209/org/chromium/StatusNotifierItem/1']>,)\n";
    expect(await ownItemRegistered(run(listed), 4242)).toBe(true);
    expect(await ownItemRegistered(run(listed), 6710)).toBe(true);
    expect(await ownItemRegistered(run(listed), 5555)).toBe(false);
    expect(await ownItemRegistered(run('(<@as []>,)\n'), 4242)).toBe(false);
    expect(await ownItemRegistered(run(null), 4242)).toBe('unknown');
  });
});
