/** Renders dashboard components against the app store, with actions bound to a fake bridge. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ActionsContext } from '../../renderer/src/api/actions-context.js';
import { createDashboardActions } from '../../renderer/src/api/dashboard-actions.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { createFakeBridge } from './fake-bridge.js';

export function resetStore() {
  useDashboard.setState(useDashboard.getInitialState(), true);
}

export function renderWithBridge(ui: ReactElement, bridge = createFakeBridge()) {
  const actions = createDashboardActions(bridge.client, useDashboard);
  const view = render(<ActionsContext.Provider value={actions}>{ui}</ActionsContext.Provider>);
  return { ...view, bridge, actions, store: useDashboard };
}
