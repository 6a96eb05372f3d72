/**
 * Issue 11: a model cache's age is its units' last use, read from access times, or from modification
 * times where the mount records none; `status` says which. Checked against util-linux's own reading of
 * the mount (`findmnt`), not a copy of Headroom's.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import { renderStatus } from '../../../electron/headless/commands/status-command.js';
import { makeTempDir } from '../../support/make-tree.js';
import { DAY_MS, hash, HfCache, rev } from '../../support/hf-cache-tree.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('headroom-last-use-')));
afterEach(() => cleanup());

const hasFindmnt = (() => {
  try {
    execFileSync('findmnt', ['--version']);
    return process.platform === 'linux';
  } catch {
    return false;
  }
})();

describe.runIf(hasFindmnt)('status of a model cache says where last use comes from', () => {
  it('access times, or modification times on a noatime mount, as findmnt reads the mount', async () => {
    const hub = join(dir, 'hub');
    const cache = new HfCache(hub);
    await cache.blob('models--org--a', hash('1'), 1000, 3 * DAY_MS);
    await cache.link('models--org--a', rev('a'), 'model.bin', hash('1'), 3 * DAY_MS);
    await cache.ref('models--org--a', 'main', rev('a'), 3 * DAY_MS);
    await fs.mkdir(join(dir, 'outputs'));
    const configFile = join(dir, 'config.yaml');
    await fs.writeFile(
      configFile,
      `folders:\n  - name: hub\n    path: ${hub}\n    kind: huggingface\n    max_size_gb: 1\n` +
        `  - name: outputs\n    path: ${join(dir, 'outputs')}\n    max_files: 10\n`,
    );
    const options = execFileSync('findmnt', ['-no', 'OPTIONS', '-T', hub], { encoding: 'utf8' });
    const expected = options.split(',').includes('noatime') ? 'modification' : 'access';

    const engine = await createEngine({ dataDir: join(dir, 'data'), configFile, live: false, log: () => {} });
    try {
      const snapshot = await engine.getSnapshot();
      const [hubStatus, outputs] = snapshot.folders;
      expect(hubStatus?.lastUseFrom).toBe(expected);
      expect(outputs?.lastUseFrom).toBeUndefined();
      expect(renderStatus(snapshot)).toContain(`hub: last use is read from ${expected} times`);
    } finally {
      await engine.dispose();
    }
  });
});
