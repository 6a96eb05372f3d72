// @vitest-environment jsdom
/**
 * The "sample" tag (issue 15 leftover): it marks the folders Headroom made in its own data folder to show how
 * it works, and stays on them after a found folder is added; a folder of the user's never carries it.
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderList } from '../../renderer/src/components/folder-list.js';
import { useDashboard } from '../../renderer/src/store/dashboard-store.js';
import type { DetectResult } from '../../shared/found-folders.js';
import { folderStatus, snapshot } from './fixtures.js';
import { renderWithBridge, resetStore } from './render-dashboard.js';

beforeEach(resetStore);
afterEach(cleanup);

const SAMPLE = '/home/u/.config/Headroom/folders/outputs';
const sample = folderStatus({ name: 'outputs', path: SAMPLE });
const added = folderStatus({ name: 'comfyui-output', path: '/home/u/ComfyUI/output' });

function found(firstRun: boolean): DetectResult {
  return {
    proposals: [],
    passedOver: [],
    yaml: '',
    firstRun,
    canAdd: true,
    readOnlyReason: null,
    samples: [SAMPLE],
  };
}

const tagged = () =>
  [sample, added]
    .filter(
      (f) =>
        screen.queryByTestId(`folder-${f.name}`) &&
        within(screen.getByTestId(`folder-${f.name}`)).queryByTestId('sample-tag'),
    )
    .map((f) => f.name);

describe('the sample tag (store set as the engine answers)', () => {
  it('marks the sample folder on the first run and still after a found folder is added, never the added one', () => {
    useDashboard.getState().applySnapshot(snapshot([sample]));
    useDashboard.getState().setFound(found(true));
    renderWithBridge(<FolderList />);
    expect(tagged()).toEqual(['outputs']);

    // Adding a found folder ends the first run; the sample folder is still Headroom's sample.
    act(() => {
      useDashboard.getState().applySnapshot(snapshot([sample, added]));
      useDashboard.getState().setFound(found(false));
    });
    expect(tagged()).toEqual(['outputs']);
  });
});
