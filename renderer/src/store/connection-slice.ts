import type { StateCreator } from 'zustand';
import type { DashboardState } from './dashboard-store.js';

/** How the dashboard reaches the engine; `unauthorized` means the link's token is wrong or missing. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'unauthorized';

export interface ConnectionSlice {
  connection: ConnectionState;
  setConnection: (connection: ConnectionState) => void;
}

export const createConnectionSlice: StateCreator<DashboardState, [], [], ConnectionSlice> = (set) => ({
  connection: 'connecting',
  setConnection: (connection) => set({ connection }),
});
