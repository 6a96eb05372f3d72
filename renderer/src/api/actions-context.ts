import { createContext, useContext } from 'react';
import type { DashboardActions } from './dashboard-actions.js';

/** Provides the dashboard's actions to components; the entry point (or a test) supplies them. */
export const ActionsContext = createContext<DashboardActions | null>(null);

export function useActions(): DashboardActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions() needs an <ActionsContext.Provider> above it.');
  return actions;
}
