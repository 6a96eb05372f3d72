import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planFolders, planView } from '../../../electron/engine/cleanup/plan-folders.js';
import { folderRules } from '../../support/folder-rules.js';

let root: string;
beforeEach(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'headroom-kind-')));
});
afterEach(() => fs.rm(root, { recursive: true, force: true }));

describe('planning dispatches on the folder kind (issue 11)', () => {
  it('a model cache never removes a file outside its layout, however old', async () => {
    const old = Date.now() - 400 * 86_400_000;
    await fs.writeFile(path.join(root, 'a.wav'), 'x');
    await fs.utimes(path.join(root, 'a.wav'), old / 1000, old / 1000);
    const rules = folderRules({ path: root, maxAgeDays: 1, kind: 'ollama' });
    const [planned] = await planFolders([rules], Date.now());
    const view = planView(planned!);
    expect(view.remove).toEqual([]);
    expect(view.error).toBeNull();
    expect(view.units).toEqual([]);
  });

  it('a files folder plans as before', async () => {
    const old = Date.now() - 400 * 86_400_000;
    await fs.writeFile(path.join(root, 'a.wav'), 'x');
    await fs.utimes(path.join(root, 'a.wav'), old / 1000, old / 1000);
    const [planned] = await planFolders([folderRules({ path: root, maxAgeDays: 1 })], Date.now());
    expect(planView(planned!).remove.map((r) => r.path)).toEqual(['a.wav']);
  });
});
