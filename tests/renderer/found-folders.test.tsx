// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FoundFolders } from '../../renderer/src/components/found-folders.js';
import type { DetectResult, FoundFolder } from '../../shared/found-folders.js';
import { createFakeBridge } from './fake-bridge.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

const proposal = (name: string, id: string, files: number): FoundFolder => ({
  id,
  tool: 'comfyui',
  foundBy: `ComfyUI ${name} in ~/ComfyUI`,
  folder: { name, path: `/home/u/ComfyUI/${name}`, max_size_gb: 10 },
  preview: { files, bytes: files * 1024, notes: [], error: null },
});

function found(overrides: Partial<DetectResult> = {}): DetectResult {
  return {
    proposals: [
      proposal('comfyui-output', '00000000000000aa', 0),
      proposal('comfyui-temp', '00000000000000bb', 2),
    ],
    passedOver: [],
    yaml: '',
    firstRun: true,
    samples: [],
    canAdd: true,
    readOnlyReason: null,
    ...overrides,
  };
}

describe('Found on this computer (fake bridge at the port)', () => {
  it('on the first run, adds only the ticked folder, by its id, after the confirmation', async () => {
    const bridge = createFakeBridge({ detectFolders: { ok: true, value: found() } });
    const user = userEvent.setup();
    renderWithBridge(<FoundFolders />, bridge);
    const temp = await screen.findByTestId('found-comfyui-temp');
    expect(within(temp).getByTestId('found-preview').textContent).toBe(
      'first cleanup would remove 2 files, 2 KB',
    );
    await user.click(within(temp).getByRole('checkbox', { name: 'Add comfyui-temp' }));
    await user.click(screen.getByRole('button', { name: 'Add selected folders' }));
    expect(bridge.client.addDetectedFolders).not.toHaveBeenCalled();
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Confirm adding' }));
    await waitFor(() => expect(bridge.client.addDetectedFolders).toHaveBeenCalledTimes(1));
    expect(bridge.client.addDetectedFolders).toHaveBeenCalledWith({ ids: ['00000000000000bb'] });
  });

  it('stays hidden when it is not the first run and nobody asked', async () => {
    const bridge = createFakeBridge({ detectFolders: { ok: true, value: found({ firstRun: false }) } });
    renderWithBridge(<FoundFolders />, bridge);
    await waitFor(() => expect(bridge.client.detectFolders).toHaveBeenCalled());
    expect(screen.queryByTestId('found-folders')).toBeNull();
  });
});
