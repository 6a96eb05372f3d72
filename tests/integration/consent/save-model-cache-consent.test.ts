/**
 * Consent covers model caches too (DESIGN.md invariants 7 and 8): adding a Hugging Face cache with a size
 * limit it is over, through Save, shows which revisions would go and waits for a confirmation of that
 * impact, as for a folder of files.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../shared/bridge.js';
import type { FolderConfig } from '../../../shared/config-schema.js';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { DAY_MS, hash, HfCache, rev } from '../../support/hf-cache-tree.js';
import { consentFixture, type ConsentFixture } from './consent-fixture.js';

let fx: ConsentFixture;
let engine: Engine | null = null;
beforeEach(async () => {
  fx = await consentFixture();
});
afterEach(async () => {
  await engine?.dispose();
  engine = null;
  await fx.cleanup();
});

describe('saving a model cache folder that would remove revisions needs consent', () => {
  it('reports the revisions that would go, refuses without a confirmation, saves after one', async () => {
    const hub = join(fx.dir, 'hub');
    const cache = new HfCache(hub);
    const repo = 'models--org--old';
    await cache.blob(repo, hash('1'), 600_000, 60 * DAY_MS);
    await cache.link(repo, rev('a'), 'model.bin', hash('1'), 60 * DAY_MS);
    await cache.ref(repo, 'main', rev('a'), 60 * DAY_MS);
    const withHub: { folders: FolderConfig[] } = {
      folders: [
        { name: 'outputs', path: fx.outputsDir, max_files: 100 },
        { name: 'hub', path: hub, kind: 'huggingface', max_size_gb: 0.0001 },
      ],
    };
    engine = await createEngine({
      dataDir: fx.dataDir,
      configFile: fx.configFile,
      live: true,
      log: () => {},
    });

    const impact = await engine.checkConfigImpact(withHub);
    expect(impact.folders.map((f) => f.name)).toEqual(['hub']);
    expect(impact.files).toBeGreaterThan(0);
    expect(impact.folders[0]?.remove.map((r) => r.path)).toContain(`${repo}/blobs/${hash('1')}`);

    const refused = await engine.updateConfig(withHub).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(BridgeError);
    expect((refused as BridgeError).code).toBe('consent-required');
    expect((await engine.getConfig()).folders.map((f) => f.name)).toEqual(['outputs']);

    await engine.updateConfig({ ...withHub, confirmImpact: impact.token! });
    expect((await engine.getConfig()).folders.map((f) => f.name)).toEqual(['outputs', 'hub']);
  });
});
