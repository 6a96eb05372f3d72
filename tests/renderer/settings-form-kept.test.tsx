/**
 * Saving a folder in the dashboard keeps the keys its form does not show: a folder's own `schedule:`
 * (issue 16 item 1) and its own `emergency_threshold_percent` (item 3) must not vanish from config.yaml
 * because a limit was edited.
 */
import { describe, expect, it } from 'vitest';
import { folderFromForm, folderToForm } from '../../renderer/src/view/settings-form.js';
import type { FolderConfig } from '../../shared/config-schema.js';

describe('settings form keeps the folder keys it does not show', () => {
  it("keeps a folder's schedule and emergency threshold when another field is saved", () => {
    const renders: FolderConfig = {
      name: 'renders',
      path: 'renders',
      max_files: 100,
      emergency_threshold_percent: 90,
      schedule: { weekly: { day: 'sunday', at: '03:00' } },
    };
    const form = { ...folderToForm(renders), max_files: '200' };
    expect(folderFromForm(form, renders)).toEqual({
      name: 'renders',
      path: 'renders',
      max_files: 200,
      emergency_threshold_percent: 90,
      schedule: { weekly: { day: 'sunday', at: '03:00' } },
    });
  });
});
