import { describe, expect, it } from 'vitest';
import { folderFromForm, folderToForm } from '../../renderer/src/view/settings-form.js';
import type { FolderConfig } from '../../shared/config-schema.js';

describe('settings form and folder kinds (issue 11)', () => {
  it('saving a model cache or manifest folder keeps its kind and its kind keys', () => {
    const hub: FolderConfig = {
      name: 'hub',
      path: '~/.cache/huggingface/hub',
      max_size_gb: 50,
      kind: 'huggingface',
    };
    expect(folderFromForm(folderToForm(hub), hub)).toMatchObject({ kind: 'huggingface' });
    const tokens: FolderConfig = {
      name: 'tokens',
      path: 'tokens',
      kind: 'manifest',
      manifest_file: 'db.json',
      retention_hours: 6,
    };
    expect(folderFromForm(folderToForm(tokens), tokens)).toMatchObject({
      kind: 'manifest',
      manifest_file: 'db.json',
      retention_hours: 6,
    });
  });
});
