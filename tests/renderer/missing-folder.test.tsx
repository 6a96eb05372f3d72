// @vitest-environment jsdom
/** A missing or unreadable folder: listed as a warning with what to do, Clean disabled, Save offers to create it. */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderList } from '../../renderer/src/components/folder-list.js';
import { SettingsEditor } from '../../renderer/src/components/settings-editor.js';
import { WarningsPanel } from '../../renderer/src/components/warnings-panel.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { createFakeBridge } from './fake-bridge.js';
import { configView, folderStatus, snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

const missing = folderStatus({
  name: 'temp',
  path: '/home/me/chatterbox/tmp',
  exists: false,
  sizeBytes: 0,
  fileCount: 0,
  oldestMtimeMs: null,
  usage: { size: null, count: 0, age: null },
  usagePercent: 0,
  level: 'warning',
});
const unreadable = folderStatus({ name: 'locked', error: 'permission denied: check its owner' });

describe('a missing or unreadable folder (fake bridge)', () => {
  it('is in the warnings list with what to do, not "No warnings"', () => {
    useDashboard.getState().applySnapshot(snapshot([missing, unreadable]));
    renderWithBridge(<WarningsPanel />);
    const list = screen.getByRole('list', { name: 'Current warnings' });
    expect(list.textContent).toContain(
      'temp: folder not found at /home/me/chatterbox/tmp; create it (Settings offers to) or correct its path.',
    );
    expect(list.textContent).toContain('locked: permission denied: check its owner');
    expect(list.textContent).not.toContain('near its limit (0%)');
    expect(screen.queryByText('No warnings.')).toBeNull();
  });

  it('cannot be cleaned from its card', () => {
    useDashboard.getState().applySnapshot(snapshot([missing, unreadable, folderStatus()]));
    renderWithBridge(<FolderList />);
    expect(screen.getByRole('button', { name: 'Clean temp' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Clean locked' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Clean outputs' }).hasAttribute('disabled')).toBe(false);
  });

  it('after Save, the settings offer to create it, and the engine is asked by name only', async () => {
    const bridge = createFakeBridge({
      updateConfig: { ok: true, value: configView({ text: 'saved\n', missingFolders: ['temp'] }) },
    });
    useDashboard.getState().setConfig(configView());
    const user = userEvent.setup();
    renderWithBridge(<SettingsEditor />, bridge);
    const form = screen.getByRole('form', { name: 'Settings' });
    expect(within(form).queryByRole('button', { name: 'Create folder temp' })).toBeNull();
    await user.click(within(form).getByLabelText('Desktop notifications'));
    await user.click(within(form).getByRole('button', { name: 'Save settings' }));
    const saved = await screen.findByRole('form', { name: 'Settings' });
    expect(saved.textContent).toContain('No folder exists yet at the path of temp');
    const temp = within(saved).getByRole('group', { name: 'temp' });
    await user.click(within(temp).getByRole('button', { name: 'Create folder temp' }));
    expect(bridge.calls.createFolder).toHaveBeenCalledWith({ name: 'temp' });
  });
});
