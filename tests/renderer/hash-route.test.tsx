// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { connectStore } from '../../renderer/src/api/connect-store.js';
import { createDashboardActions } from '../../renderer/src/api/dashboard-actions.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { createFakeBridge } from './fake-bridge.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(() => {
  resetStore();
  history.replaceState(null, '', '/');
  Element.prototype.scrollIntoView = () => {};
  window.scrollTo = () => {};
});
afterEach(cleanup);

describe('views opened from the tray (fake bridge)', () => {
  it('#/preview plans a cleanup of every folder once the dashboard has data', async () => {
    const bridge = createFakeBridge({}, 'connected');
    connectStore(bridge.client, useDashboard, createDashboardActions(bridge.client, useDashboard));
    location.hash = '#/preview';
    await act(async () => {
      renderWithBridge(<App />, bridge);
    });
    await screen.findByTestId('preview');
    expect(bridge.calls.previewCleanup).toHaveBeenCalledTimes(1);
  });

  it('a later hash change to #/preview plans again', async () => {
    const bridge = createFakeBridge({}, 'connected');
    connectStore(bridge.client, useDashboard, createDashboardActions(bridge.client, useDashboard));
    await act(async () => {
      renderWithBridge(<App />, bridge);
    });
    expect(bridge.calls.previewCleanup).not.toHaveBeenCalled();
    await act(async () => {
      location.hash = '#/preview';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(bridge.calls.previewCleanup).toHaveBeenCalled();
  });
});

describe('the tray popup view (fake bridge)', () => {
  it('#/tray shows the popup; "Open dashboard" asks the host, then shows the full view when no window opened', async () => {
    const bridge = createFakeBridge({}, 'connected');
    connectStore(bridge.client, useDashboard, createDashboardActions(bridge.client, useDashboard));
    location.hash = '#/tray';
    await act(async () => {
      renderWithBridge(<App />, bridge);
    });
    await screen.findByTestId('tray-view');
    expect(screen.queryByRole('heading', { name: 'History' })).toBeNull();
    await act(async () => {
      screen.getByRole('button', { name: 'Open dashboard' }).click();
    });
    expect(bridge.calls.openDashboard).toHaveBeenCalledTimes(1);
    await screen.findByRole('heading', { name: 'History' });
    expect(screen.queryByTestId('tray-view')).toBeNull();
  });
});
