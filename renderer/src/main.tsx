import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ActionsContext } from './api/actions-context.js';
import { connectStore } from './api/connect-store.js';
import { createBridgeClient } from './api/create-bridge-client.js';
import { createDashboardActions } from './api/dashboard-actions.js';
import { App } from './App.js';
import { useDashboard } from './store/dashboard-store.js';
import './styles.css';

const client = createBridgeClient();
const actions = createDashboardActions(client, useDashboard);
connectStore(client, useDashboard, actions);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ActionsContext.Provider value={actions}>
      <App />
    </ActionsContext.Provider>
  </StrictMode>,
);
