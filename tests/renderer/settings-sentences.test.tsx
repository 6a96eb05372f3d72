// @vitest-environment jsdom
/**
 * Issue 15 item 5: the settings read as sentences, the way Windows Storage Sense says "Delete files in my
 * Downloads folder if they haven't been opened for more than [30 days]": the words before the field and its
 * unit after it name the field together, so a screen reader and a test both hear the sentence.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsEditor } from '../../renderer/src/components/settings-editor.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import { createFakeBridge } from './fake-bridge.js';
import { configView } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

/** What a sighted person reads on the field's line: the words, the value, the unit, in order. */
function lineText(input: HTMLInputElement): string {
  const line = input.parentElement!;
  return [...line.childNodes]
    .map((node) =>
      node === input ? `[${input.value}]` : node.nodeName === 'DATALIST' ? '' : node.textContent,
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('settings in sentences (fake bridge)', () => {
  it('reads each limit and setting as a sentence, named by its words and unit', () => {
    useDashboard.getState().setConfig(configView());
    renderWithBridge(<SettingsEditor />, createFakeBridge());
    const form = screen.getByRole('form', { name: 'Settings' });
    const temp = within(form).getByRole('group', { name: 'temp' });
    const outputs = within(form).getByRole('group', { name: 'outputs' });
    const field = (scope: HTMLElement, name: string) =>
      within(scope).getByLabelText(name) as HTMLInputElement;

    expect(lineText(field(temp, 'Remove files older than days'))).toBe('Remove files older than [7] days');
    expect(lineText(field(temp, 'Keep at most files'))).toBe('Keep at most [200] files');
    expect(lineText(field(outputs, 'Keep this folder under GB'))).toBe('Keep this folder under [5] GB');
    expect(lineText(field(form, 'Warn at % of a limit'))).toBe('Warn at [80] % of a limit');
    expect(field(temp, 'Remove files older than days').title).toBe('config.yaml: max_age_days');
  });
});
