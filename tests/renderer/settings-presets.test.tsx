// @vitest-environment jsdom
/**
 * Issue 15 item 5, first step: each number field of the settings offers presets in words ("7 days",
 * "20 GB") the way Storage Sense does, names its config.yaml key only in its tooltip, and keeps the strict
 * number parsing: a preset is typed into the field like anything else and validated the same way.
 */
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

function presets(input: HTMLElement): [string, string][] {
  const list = document.getElementById(input.getAttribute('list') ?? '');
  return [...(list?.querySelectorAll('option') ?? [])].map((o) => [o.value, o.textContent ?? '']);
}

describe('settings presets (fake bridge)', () => {
  it('offers presets in words for limits and settings, with the YAML key only in the tooltip', async () => {
    useDashboard.getState().setConfig(configView());
    renderWithBridge(<SettingsEditor />, createFakeBridge());
    const form = screen.getByRole('form', { name: 'Settings' });
    const temp = within(form).getByRole('group', { name: 'temp' });
    const age = within(temp).getByLabelText('Remove files older than days');
    expect(presets(age)).toContainEqual(['7', '7 days']);
    expect(presets(age)).toContainEqual(['1', '1 day']);
    expect(age.getAttribute('title')).toBe('config.yaml: max_age_days');
    expect(presets(within(temp).getByLabelText('Keep this folder under GB'))).toContainEqual(['20', '20 GB']);
    const interval = within(form).getByLabelText('Clean up every hours (0 = off)');
    expect(presets(interval)).toContainEqual(['24', '24 hours (daily)']);
    expect(interval.getAttribute('title')).toBe('config.yaml: cleanup_interval_hours');
    expect(screen.queryByText('max_age_days')).toBeNull();
  });

  it('checks a preset like any typed number', async () => {
    const bridge = createFakeBridge();
    useDashboard.getState().setConfig(configView());
    const user = userEvent.setup();
    renderWithBridge(<SettingsEditor />, bridge);
    const temp = screen.getByRole('group', { name: 'temp' });
    const age = within(temp).getByLabelText('Remove files older than days');
    await user.clear(age);
    await user.type(age, '30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(age.getAttribute('aria-invalid')).toBeNull();
    expect(bridge.calls.checkConfigImpact).toHaveBeenCalled();
    const patch = bridge.calls.checkConfigImpact.mock.calls[0]![0] as {
      folders: { max_age_days?: number }[];
    };
    expect(patch.folders.map((f) => f.max_age_days)).toContain(30);
  });
});
