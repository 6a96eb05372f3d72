import { describe, expect, it } from 'vitest';
import { NotificationController } from '../../../electron/main/notification-controller.js';
import type { RunRecord, WarningEvent } from '../../../shared/types.js';
import { FakeEngine, FakeNotifier, FakeWindow, flush } from './fakes.js';

const MB = 1024 ** 2;

function run(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'r1',
    trigger: 'schedule',
    dryRun: false,
    startedAt: '2026-03-10T12:00:00.000Z',
    finishedAt: '2026-03-10T12:00:05.000Z',
    status: 'completed',
    folders: [
      {
        name: 'outputs',
        removed: [],
        skipped: [],
        errors: [],
        filesRemoved: 12,
        bytesFreed: 300 * MB,
        removedDirs: [],
        overLimitAfter: false,
        notes: [],
      },
    ],
    filesRemoved: 12,
    bytesFreed: 300 * MB,
    ...overrides,
  };
}

const warning: WarningEvent = {
  kind: 'threshold',
  folder: 'outputs',
  level: 'warning',
  usagePercent: 82,
  message: 'outputs holds 4.1 GB of 5 GB (82%)',
  atMs: 0,
};

function setup(notifications = true) {
  const engine = new FakeEngine();
  engine.results.getConfig = { settings: { notifications } };
  const notifier = new FakeNotifier();
  const window = new FakeWindow();
  const controller = new NotificationController(engine, { notifier, window });
  return { engine, notifier, window, controller };
}

describe('NotificationController (fake electron port, fake engine)', () => {
  it('shows each warning the engine raises; clicking opens the dashboard', async () => {
    const { engine, notifier, window } = setup();
    engine.emit('warning', warning);
    engine.emit('warning', {
      ...warning,
      kind: 'over',
      usagePercent: 101,
      message: 'outputs holds 5.1 GB of 5 GB (101%)',
    });
    await flush();
    expect(notifier.shown.map((n) => [n.title, n.body])).toEqual([
      ['outputs is filling up', 'outputs holds 4.1 GB of 5 GB (82%)'],
      ['outputs is over its limit', 'outputs holds 5.1 GB of 5 GB (101%)'],
    ]);
    notifier.shown[0]?.onClick?.();
    expect(window.actions).toEqual(['show:overview']);
  });

  it('summarises an automatic cleanup that freed space', async () => {
    const { engine, notifier } = setup();
    engine.emit('cleanupFinished', run());
    await flush();
    expect(notifier.shown.map((n) => [n.title, n.body])).toEqual([
      ['Cleanup freed 300 MB', 'Removed 12 files from outputs.'],
    ]);
  });

  it('says so when an automatic cleanup hit errors, even if it freed nothing', async () => {
    const { engine, notifier } = setup();
    const folder = run().folders[0]!;
    const errors = [{ path: 'a.wav', code: 'EACCES', message: 'permission denied' }];
    engine.emit(
      'cleanupFinished',
      run({
        status: 'completed_with_errors',
        filesRemoved: 0,
        bytesFreed: 0,
        folders: [{ ...folder, filesRemoved: 0, bytesFreed: 0, errors }],
      }),
    );
    await flush();
    expect(notifier.shown.map((n) => n.title)).toEqual(['Cleanup freed 0 B, with problems']);
    expect(notifier.shown[0]?.body).toBe(
      'Nothing was removed. 1 could not be removed; the dashboard lists them.',
    );
  });

  it('stays quiet for manual runs, dry runs and automatic runs that freed nothing', async () => {
    const { engine, notifier } = setup();
    engine.emit('cleanupFinished', run({ trigger: 'manual' }));
    engine.emit('cleanupFinished', run({ dryRun: true }));
    engine.emit('cleanupFinished', run({ bytesFreed: 0, filesRemoved: 0, folders: [] }));
    await flush();
    expect(notifier.shown).toEqual([]);
  });

  it('respects the notifications setting, read at the time of each notification', async () => {
    const { engine, notifier } = setup(false);
    engine.emit('warning', warning);
    await flush();
    expect(notifier.shown).toEqual([]);
    engine.results.getConfig = { settings: { notifications: true } };
    engine.emit('warning', warning);
    await flush();
    expect(notifier.shown).toHaveLength(1);
  });

  it('still warns when the config cannot be read, and not at all where notifications are unsupported', async () => {
    const { engine, notifier } = setup();
    engine.failures.getConfig = new Error('config.yaml is unreadable');
    engine.emit('warning', warning);
    await flush();
    expect(notifier.shown).toHaveLength(1);
    notifier.supported = false;
    engine.emit('warning', warning);
    await flush();
    expect(notifier.shown).toHaveLength(1);
  });

  it('stops listening on dispose', () => {
    const { engine, controller } = setup();
    controller.dispose();
    expect(engine.listenerCount()).toBe(0);
  });
});
