/**
 * Issue 12 item 1, through the engine: adding a folder of old files with an age limit must not remove
 * them without a confirmation of that impact, from any client.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../shared/bridge.js';
import type { FolderConfig } from '../../../shared/config-schema.js';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { CACHE_FILE_BYTES, CACHE_FILES, consentFixture, countFiles } from './consent-fixture.js';
import type { ConsentFixture } from './consent-fixture.js';

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

const withCache = (maxAgeDays = 7): { folders: FolderConfig[] } => ({
  folders: [
    { name: 'outputs', path: fx.outputsDir, max_files: 100 },
    { name: 'cache', path: fx.cacheDir, max_age_days: maxAgeDays },
  ],
});

async function refusal(promise: Promise<unknown>): Promise<BridgeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BridgeError);
  return error as BridgeError;
}

describe('saving a rule that removes files needs consent to that impact', () => {
  it('reports the impact, refuses without a confirmation, saves and removes only after one', async () => {
    engine = await createEngine({
      dataDir: fx.dataDir,
      configFile: fx.configFile,
      live: true,
      log: () => {},
    });

    const impact = await engine.checkConfigImpact(withCache());
    expect(impact).toMatchObject({
      files: CACHE_FILES,
      bytes: CACHE_FILES * CACHE_FILE_BYTES,
      folders: [{ name: 'cache', files: CACHE_FILES }],
    });
    expect(impact.token).toEqual(expect.any(String));

    const refused = await refusal(engine.updateConfig(withCache()));
    expect(refused.code).toBe('consent-required');
    expect(refused.message).toContain('Saving will remove 2,000 files, 3.9 MB, from cache');
    const forged = await refusal(engine.updateConfig({ ...withCache(), confirmImpact: 'x'.repeat(43) }));
    expect(forged.code).toBe('consent-required');
    expect((await engine.getConfig()).folders.map((f) => f.name)).toEqual(['outputs']);

    // A confirmation is for one change: the same token does not cover a stricter one.
    const other = await refusal(engine.updateConfig({ ...withCache(1), confirmImpact: impact.token! }));
    expect(other.code).toBe('consent-required');

    // Nothing the engine holds would remove the files: a manual clean under the rules in force keeps them.
    await engine.runCleanup({});
    expect(await countFiles(fx.cacheDir)).toBe(CACHE_FILES);

    await engine.updateConfig({ ...withCache(), confirmImpact: impact.token! });
    expect((await engine.getConfig()).folders.map((f) => f.name)).toEqual(['outputs', 'cache']);
    // Now agreed, the rule removes them. A clean asked for while another run is going joins that run
    // (the start-up run, say, on a busy machine), which may not cover cache: ask until one has.
    for (let i = 0; i < 5; i++) {
      const run = await engine.runCleanup({ folders: ['cache'] });
      if (run.folders.some((f) => f.name === 'cache')) break;
    }
    expect(await countFiles(fx.cacheDir)).toBe(0);
  });

  it('a change that removes nothing new saves at once, without a confirmation', async () => {
    engine = await createEngine({ dataDir: fx.dataDir, configFile: fx.configFile, log: () => {} });
    const looser = { folders: [{ name: 'outputs', path: fx.outputsDir, max_files: 500 }] };
    expect(await engine.checkConfigImpact(looser)).toMatchObject({ files: 0, token: null, folders: [] });
    const view = await engine.updateConfig(looser);
    expect(view.folders[0]?.max_files).toBe(500);
  });

  it('a stale confirmation is refused after the file changed under it', async () => {
    engine = await createEngine({ dataDir: fx.dataDir, configFile: fx.configFile, log: () => {} });
    const impact = await engine.checkConfigImpact(withCache());
    // Another client saved the same folder with a gentler rule first: the token no longer matches.
    await engine.updateConfig(withCache(30));
    const refused = await refusal(engine.updateConfig({ ...withCache(), confirmImpact: impact.token! }));
    expect(refused.code).toBe('consent-required');
    expect(refused.message).toMatch(/another change or an older state/);
    expect(await countFiles(join(fx.cacheDir))).toBe(CACHE_FILES);
  });
});
