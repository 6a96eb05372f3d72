import type { StateCreator } from 'zustand';
import type { DashboardState } from './dashboard-store.js';

/**
 * How the dashboard reaches the engine; `unauthorized` means the link's token is wrong or missing, `failed`
 * that the engine could not start (the app's window; `connectionMessage` says why).
 */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'unauthorized' | 'failed';

export interface ConnectionSlice {
  connection: ConnectionState;
  connectionMessage: string | null;
  setConnection: (connection: ConnectionState, message?: string | null) => void;
}

export const createConnectionSlice: StateCreator<DashboardState, [], [], ConnectionSlice> = (set) => ({
  connection: 'connecting',
  connectionMessage: null,
  setConnection: (connection, message = null) => set({ connection, connectionMessage: message }),
});
