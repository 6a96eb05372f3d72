import type { DashboardStore } from '../store/dashboard-store.js';
import type { BridgeClient } from './bridge-client-types.js';
import type { DashboardActions } from './dashboard-actions.js';

/**
 * Feeds the store from the bridge: every event into its slice, the connection state into the connection
 * slice, and on each (re)connection a fresh snapshot, history and config, since the engine may have
 * restarted meanwhile. Returns a disposer.
 */
export function connectStore(
  client: BridgeClient,
  store: DashboardStore,
  actions: DashboardActions,
): () => void {
  const state = store.getState;
  const refreshAll = () => {
    void actions.refreshSnapshot();
    void actions.loadHistory();
    void actions.loadConfig();
  };
  const disposers = [
    client.on('snapshot', (snapshot) => state().applySnapshot(snapshot)),
    client.on('warning', (warning) => state().addWarning(warning)),
    client.on('configError', (error) => state().setConfigError(error)),
    client.on('cleanupStarted', ({ runId, folders }) => state().cleanupStarted(runId, folders)),
    client.on('cleanupProgress', (progress) => state().cleanupProgressed(progress)),
    client.on('cleanupFinished', (record) => {
      state().cleanupFinished(record);
      void actions.loadHistory();
      void actions.loadUsage();
    }),
    client.onConnectionChange((connection) => {
      state().setConnection(connection, client.connectionMessage?.() ?? null);
      if (connection === 'connected') refreshAll();
    }),
  ];
  const initial = client.connectionState();
  state().setConnection(initial, client.connectionMessage?.() ?? null);
  if (initial === 'connected') refreshAll();
  return () => disposers.forEach((dispose) => dispose());
}
