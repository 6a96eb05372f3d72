// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { connectStore } from '../../renderer/src/api/connect-store.js';
import { createDashboardActions } from '../../renderer/src/api/dashboard-actions.js';
import { createDashboardStore } from '../../renderer/src/store/dashboard-store.js';
import { SERIES_MAX_POINTS, WARNINGS_MAX } from '../../renderer/src/store/snapshot-slice.js';
import { createFakeBridge } from './fake-bridge.js';
import { folderStatus, NOW_MS, runRecord, snapshot } from './fixtures.js';

const at = (i: number, usagePercent: number) =>
  snapshot([folderStatus({ usagePercent }), folderStatus({ name: 'temp', usagePercent: usagePercent / 2 })], {
    takenAtMs: NOW_MS + i * 1000,
  });

describe('dashboard store (no React)', () => {
  it('keeps each folder series bounded to the last SERIES_MAX_POINTS snapshots, oldest first', () => {
    const store = createDashboardStore();
    const total = SERIES_MAX_POINTS + 37;
    for (let i = 0; i < total; i++) store.getState().applySnapshot(at(i, i % 100));
    const { series, snapshot: latest } = store.getState();
    expect(series['outputs']).toHaveLength(SERIES_MAX_POINTS);
    expect(series['outputs']?.[0]?.atMs).toBe(NOW_MS + (total - SERIES_MAX_POINTS) * 1000);
    expect(series['outputs']?.at(-1)).toMatchObject({
      atMs: NOW_MS + (total - 1) * 1000,
      usagePercent: (total - 1) % 100,
    });
    expect(series['temp']?.at(-1)?.usagePercent).toBe(((total - 1) % 100) / 2);
    expect(latest?.takenAtMs).toBe(NOW_MS + (total - 1) * 1000);
  });

  it('replaces rather than repeats a snapshot no newer than the last point, and drops removed folders', () => {
    const store = createDashboardStore();
    store.getState().applySnapshot(at(1, 10));
    store.getState().applySnapshot(at(2, 20));
    store.getState().applySnapshot(at(2, 25)); // a refetch after reconnecting
    expect(store.getState().series['outputs']?.map((p) => p.usagePercent)).toEqual([10, 25]);
    store.getState().applySnapshot(snapshot([folderStatus({ name: 'temp' })], { takenAtMs: NOW_MS + 9000 }));
    expect(Object.keys(store.getState().series)).toEqual(['temp']);
  });

  it('bounds warnings, newest first', () => {
    const store = createDashboardStore();
    for (let i = 0; i < WARNINGS_MAX + 5; i++) {
      store.getState().addWarning({
        kind: 'threshold',
        folder: 'outputs',
        level: 'warning',
        usagePercent: 80,
        message: `w${i}`,
        atMs: i,
      });
    }
    const { warnings } = store.getState();
    expect(warnings).toHaveLength(WARNINGS_MAX);
    expect(warnings[0]?.message).toBe(`w${WARNINGS_MAX + 4}`);
  });

  it('takes events from the bridge into the store (fake bridge)', async () => {
    const store = createDashboardStore();
    const bridge = createFakeBridge();
    connectStore(bridge.client, store, createDashboardActions(bridge.client, store));
    await Promise.resolve();

    bridge.emit('snapshot', at(5, 91));
    expect(store.getState().snapshot?.folders[0]?.usagePercent).toBe(91);

    bridge.emit('configError', { file: 'config.yaml', issues: [], usingLastGood: true });
    expect(store.getState().configError?.usingLastGood).toBe(true);

    bridge.emit('cleanupStarted', { runId: 'r9', trigger: 'schedule', folders: ['outputs'] });
    bridge.emit('cleanupProgress', {
      runId: 'r9',
      folder: 'outputs',
      filesDone: 3,
      filesTotal: 10,
      bytesFreed: 300,
    });
    expect(store.getState().cleanup).toMatchObject({ status: 'running', runId: 'r9' });
    expect(store.getState().cleanup.progress['outputs']?.filesDone).toBe(3);

    const historyCallsBefore = bridge.calls.getHistory.mock.calls.length;
    bridge.emit('cleanupFinished', runRecord({ id: 'r9' }));
    expect(store.getState().cleanup).toMatchObject({ status: 'finished', result: { id: 'r9' } });
    expect(bridge.calls.getHistory.mock.calls.length).toBe(historyCallsBefore + 1);
  });

  it('ignores a dry run finishing, so a preview never replaces a real result', () => {
    const store = createDashboardStore();
    store.getState().cleanupFinished(runRecord({ id: 'real' }));
    store.getState().cleanupFinished(runRecord({ id: 'dry', dryRun: true }));
    expect(store.getState().cleanup.result?.id).toBe('real');
  });

  it('fetches snapshot, history and config on connecting and again on each reconnection (fake bridge)', async () => {
    const store = createDashboardStore();
    const bridge = createFakeBridge({}, 'connecting');
    connectStore(bridge.client, store, createDashboardActions(bridge.client, store));
    expect(bridge.calls.getSnapshot).not.toHaveBeenCalled();
    bridge.setConnection('connected');
    bridge.setConnection('disconnected');
    expect(store.getState().connection).toBe('disconnected');
    bridge.setConnection('connected');
    await flushPromises();
    expect(bridge.calls.getSnapshot).toHaveBeenCalledTimes(2);
    expect(bridge.calls.getConfig).toHaveBeenCalledTimes(2);
    expect(store.getState().snapshot).not.toBeNull();
    expect(store.getState().config?.source.file).toBe('config.yaml');
  });
});

async function flushPromises() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('dashboard store ordering (no React)', () => {
  it('keeps a newer pushed snapshot when an older refetch answers after it', () => {
    const store = createDashboardStore();
    store.getState().applySnapshot(at(5, 50));
    store.getState().applySnapshot(at(3, 30));
    expect(store.getState().snapshot?.takenAtMs).toBe(NOW_MS + 5000);
    expect(store.getState().series['outputs']?.map((p) => p.usagePercent)).toEqual([50]);
  });
});
