/** The dashboard's requests for kept data: usage over time, what takes space, and "Show in folder". */
import type { DashboardStore } from '../store/dashboard-store.js';
import type { BridgeClient } from './bridge-client-types.js';

export interface UsageActions {
  /** Each folder's kept usage (the last 7 days) and what cleanups freed (the last 30). */
  loadUsage: () => Promise<void>;
  loadSpace: (folder: string) => Promise<void>;
  /** Opens the file manager at a file of a folder (desktop app only), by folder name and relative path. */
  showInFolder: (folder: string, path: string) => Promise<void>;
  /** True in the desktop app; the browser dashboard cannot open a window on the server's desktop. */
  canShowInFolder: boolean;
}

/** While a folder's first scan runs the engine answers 'starting': ask again this often, this many times. */
const SCANNING_RETRY_MS = 2000;
const SCANNING_RETRIES = 30;

export function createUsageActions(client: BridgeClient, store: DashboardStore): UsageActions {
  const state = store.getState;
  const loadSpace = async (folder: string, retries = SCANNING_RETRIES): Promise<void> => {
    const result = await client.getSpaceBreakdown({ folder });
    if (result.ok) return state().setSpace(result.value);
    state().setSpaceError(result.message);
    if (result.code === 'starting' && retries > 0) {
      setTimeout(() => void loadSpace(folder, retries - 1), SCANNING_RETRY_MS);
    }
  };
  return {
    canShowInFolder: client.transport === 'electron',
    async loadUsage() {
      const result = await client.getUsageHistory({ days: 7 });
      if (result.ok) state().setUsageHistory(result.value);
      else state().setUsageError(result.message);
    },
    loadSpace: (folder) => loadSpace(folder),
    async showInFolder(folder, path) {
      const result = await client.showInFolder({ folder, path });
      state().setRevealError(result.ok ? null : result.message);
    },
  };
}
