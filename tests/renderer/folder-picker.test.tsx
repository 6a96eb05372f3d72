// @vitest-environment jsdom
/**
 * Issue 15 item 5: in the desktop app a folder's path can be chosen with "Browse…", the system's folder
 * dialog (opened by the main process). The renderer shows the picked path but saves the one-time handle the
 * engine gave, never a path of its own; in the browser there is no Browse… and the path is typed.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../../renderer/src/api/bridge-client-types.js';
import { SettingsEditor } from '../../renderer/src/components/settings-editor.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { createFakeBridge } from './fake-bridge.js';
import { configView } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

const picked = { handle: 'h-1', path: '/home/me/renders' };

function electronBridge(answer = { ok: true as const, value: { picked } }) {
  const bridge = createFakeBridge({ pickFolder: answer });
  return { ...bridge, client: { ...bridge.client, transport: 'electron' } as BridgeClient };
}

describe('folder picker (fake bridge)', () => {
  it('fills the path from the desktop dialog and saves its handle beside it', async () => {
    useDashboard.getState().setConfig(configView());
    const user = userEvent.setup();
    const { bridge } = renderWithBridge(<SettingsEditor />, electronBridge());
    const temp = screen.getByRole('group', { name: 'temp' });
    await user.click(within(temp).getByRole('button', { name: 'Browse for the folder of temp' }));
    expect(bridge.calls.pickFolder).toHaveBeenCalledTimes(1);
    expect((within(temp).getByLabelText('Path') as HTMLInputElement).value).toBe(picked.path);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const patch = bridge.calls.checkConfigImpact.mock.calls[0]![0] as {
      folders: { name: string }[];
      pickedPaths: { index: number; handle: string }[];
    };
    const index = patch.folders.findIndex((f) => f.name === 'temp');
    expect(patch.pickedPaths).toEqual([{ index, handle: 'h-1' }]);
  });

  it('drops the handle when the path is typed over, so the typed path is what is saved', async () => {
    useDashboard.getState().setConfig(configView());
    const user = userEvent.setup();
    const { bridge } = renderWithBridge(<SettingsEditor />, electronBridge());
    const temp = screen.getByRole('group', { name: 'temp' });
    await user.click(within(temp).getByRole('button', { name: 'Browse for the folder of temp' }));
    await user.type(within(temp).getByLabelText('Path'), '2');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const patch = bridge.calls.checkConfigImpact.mock.calls[0]![0] as { pickedPaths?: unknown };
    expect(patch.pickedPaths).toBeUndefined();
  });

  it('says why when the dialog cannot open, and changes nothing', async () => {
    useDashboard.getState().setConfig(configView());
    const user = userEvent.setup();
    renderWithBridge(
      <SettingsEditor />,
      electronBridge({ ok: false, code: 'not-found', message: 'No dialog here.' } as never),
    );
    const temp = screen.getByRole('group', { name: 'temp' });
    await user.click(within(temp).getByRole('button', { name: 'Browse for the folder of temp' }));
    expect(within(temp).getByRole('alert').textContent).toBe('No dialog here.');
    expect((within(temp).getByLabelText('Path') as HTMLInputElement).value).toBe('~/chatterbox/temp');
  });

  it('offers no Browse… in the browser dashboard (http transport), where the path is typed', () => {
    useDashboard.getState().setConfig(configView());
    renderWithBridge(<SettingsEditor />, createFakeBridge());
    expect(screen.queryByRole('button', { name: /^Browse for the folder/ })).toBeNull();
  });
});
