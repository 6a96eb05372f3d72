// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsEditor } from '../../renderer/src/components/settings-editor.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { createFakeBridge } from './fake-bridge.js';
import { configView } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

function renderEditor(view = configView(), bridge = createFakeBridge()) {
  useDashboard.getState().setConfig(view);
  const user = userEvent.setup();
  const result = renderWithBridge(<SettingsEditor />, bridge);
  const form = screen.getByRole('form', { name: 'Settings' });
  const folder = (legend: string) => within(form).getByRole('group', { name: legend });
  const save = () => user.click(within(form).getByRole('button', { name: 'Save settings' }));
  return { ...result, user, form, folder, save };
}

/** The message a field's aria-describedby points at. */
function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('settings editor (fake bridge)', () => {
  it('shows a zero limit as an inline error next to the field and does not call updateConfig', async () => {
    const { user, folder, save, bridge } = renderEditor();
    const maxFiles = within(folder('temp')).getByLabelText('Keep at most files');
    await user.clear(maxFiles);
    await user.type(maxFiles, '0');
    await save();
    expect(maxFiles.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(maxFiles)).toContain('Max files must be greater than 0');
    expect(document.activeElement).toBe(maxFiles);
    expect(screen.getByRole('alert').textContent).toContain('Fix the field marked above');
    expect(bridge.calls.updateConfig).not.toHaveBeenCalled();
  });

  it.each([
    { field: 'Keep at most files', typed: '2OO', words: 'Max files must be a whole number, like 200' },
    { field: 'Keep at most files', typed: '2.5', words: 'Max files must be a whole number, like 200' },
    { field: 'Keep this folder under GB', typed: '2GB', words: 'Max size (GB) must be a number, like 2.5' },
  ])('refuses $typed in $field in words at the field, never saving another number', async (c) => {
    const { user, folder, save, bridge } = renderEditor();
    const input = within(folder('temp')).getByLabelText(c.field);
    await user.clear(input);
    await user.type(input, c.typed);
    await save();
    expect((input as HTMLInputElement).value).toBe(c.typed);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(input)).toContain(c.words);
    expect(bridge.calls.updateConfig).not.toHaveBeenCalled();
  });

  it("shows the engine's refusal at its field, in words, not as config.yaml:52:11 lines", async () => {
    const bridge = createFakeBridge({
      updateConfig: {
        ok: false,
        code: 'config-invalid',
        message: 'config.yaml:52:11: folder temp: temp cannot be managed because it is your home folder',
        issues: [
          {
            file: 'config.yaml',
            line: 52,
            col: 11,
            key: 'folders.1.path',
            message: 'temp cannot be managed because it is your home folder',
          },
          {
            file: 'config.yaml',
            line: 3,
            col: 1,
            key: 'warning_threshold_percent',
            message: 'warning_threshold_percent must be at most 100',
          },
        ],
      },
    });
    const { user, form, folder, save } = renderEditor(configView(), bridge);
    await user.click(within(form).getByLabelText('Desktop notifications'));
    await save();
    const error = await screen.findByTestId('save-error');
    const path = within(folder('temp')).getByLabelText('Path');
    expect(path.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(path)).toBe('temp cannot be managed because it is your home folder');
    const threshold = within(form).getByLabelText('Warn at % of a limit');
    expect(describedText(threshold)).toBe('Warn at (% of a limit) must be at most 100');
    expect(error.textContent).toBe('Headroom refused the change: fix the fields marked above');
    expect(form.textContent).not.toContain('config.yaml:52:11');
  });

  it('refuses a folder with no limit, with the schema message beside its limits', async () => {
    const { user, folder, save, bridge } = renderEditor();
    await user.clear(within(folder('outputs')).getByLabelText('Keep this folder under GB'));
    await save();
    const group = folder('outputs');
    expect(within(group).getByTestId('folder-error').textContent).toBe(
      'a folder needs at least one limit: max_size_gb, max_files or max_age_days',
    );
    expect(describedText(within(group).getByLabelText('Keep at most files'))).toContain(
      'needs at least one limit',
    );
    expect(bridge.calls.updateConfig).not.toHaveBeenCalled();
  });

  it('sends only the changed setting', async () => {
    const { user, save, bridge, form } = renderEditor();
    const threshold = within(form).getByLabelText('Warn at % of a limit');
    await user.clear(threshold);
    await user.type(threshold, '75');
    await user.click(within(form).getByLabelText('Start at login'));
    await save();
    expect(bridge.calls.updateConfig).toHaveBeenCalledTimes(1);
    expect(bridge.calls.updateConfig).toHaveBeenCalledWith({
      settings: { warning_threshold_percent: 75, start_at_login: true },
    });
  });

  it('sends the whole folder list after a valid limit edit, leaving defaults unwritten', async () => {
    const { user, folder, save, bridge } = renderEditor();
    const maxSize = within(folder('outputs')).getByLabelText('Keep this folder under GB');
    await user.clear(maxSize);
    await user.type(maxSize, '2.5');
    await save();
    expect(bridge.calls.updateConfig).toHaveBeenCalledWith({
      folders: [
        { name: 'outputs', path: '~/chatterbox/outputs', max_size_gb: 2.5 },
        { name: 'temp', path: '~/chatterbox/temp', max_files: 200, max_age_days: 7 },
      ],
    });
  });

  it('adds and removes folders, with globs one per line', async () => {
    const { user, form, folder, save, bridge } = renderEditor();
    await user.click(within(form).getByRole('button', { name: 'Remove folder temp' }));
    await user.click(within(form).getByRole('button', { name: 'Add folder' }));
    const added = folder('New folder 2');
    await user.type(within(added).getByLabelText('Name'), 'renders');
    await user.type(within(added).getByLabelText('Path'), '~/renders');
    await user.type(within(added).getByLabelText('Remove files older than days'), '3');
    await user.type(
      within(added).getByLabelText('Protect (one glob per line)'),
      '*.keep{Enter}favourites/**',
    );
    await save();
    expect(bridge.calls.updateConfig).toHaveBeenCalledWith({
      folders: [
        { name: 'outputs', path: '~/chatterbox/outputs', max_size_gb: 5 },
        { name: 'renders', path: '~/renders', max_age_days: 3, protect: ['*.keep', 'favourites/**'] },
      ],
    });
  });

  it('catches a duplicate folder name before saving', async () => {
    const { user, folder, save, bridge } = renderEditor();
    const name = within(folder('temp')).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Outputs');
    await save();
    expect(describedText(name)).toContain('duplicate folder name "Outputs"');
    expect(bridge.calls.updateConfig).not.toHaveBeenCalled();
  });

  it('shows a server-side refusal inline', async () => {
    const bridge = createFakeBridge({
      updateConfig: {
        ok: false,
        code: 'config-readonly',
        message: 'only the limits of a Chatterbox config can change',
      },
    });
    const { user, form, save } = renderEditor(configView(), bridge);
    await user.click(within(form).getByLabelText('Desktop notifications'));
    await save();
    const error = await screen.findByTestId('save-error');
    expect(error.textContent).toContain(
      'cannot be changed here: only the limits of a Chatterbox config can change',
    );
  });

  it('for a Chatterbox config, lets only limits and settings change', () => {
    const { form, folder } = renderEditor(
      configView({ foldersEditable: false, source: { file: 'config.yaml', kind: 'chatterbox' } }),
    );
    expect(within(form).queryByRole('button', { name: 'Add folder' })).toBeNull();
    expect(within(form).queryByRole('button', { name: /Remove folder/ })).toBeNull();
    expect(within(folder('outputs')).getByLabelText('Name').hasAttribute('readonly')).toBe(true);
    expect(
      within(folder('outputs')).getByLabelText('Keep this folder under GB').hasAttribute('readonly'),
    ).toBe(false);
    expect(form.textContent).toContain('only limits and settings can change');
  });
});
