/**
 * Issue 12 item 1 on the command line: after config.yaml gained a rule that removes files, `headroom clean`
 * shows that impact and, with no terminal to ask on, refuses without --yes; with --yes it cleans.
 */
import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import {
  CACHE_FILES,
  baseConfig,
  cacheFolderYaml,
  consentFixture,
  countFiles,
} from '../consent/consent-fixture.js';
import type { ConsentFixture } from '../consent/consent-fixture.js';

let fx: ConsentFixture;
beforeEach(async () => {
  fx = await consentFixture();
});
afterEach(async () => fx.cleanup());

const cli = (...args: string[]) => runCli([...args, '--config', fx.configFile, '--data-dir', fx.dataDir]);

describe('headroom clean after a rule was added on disk', () => {
  it('prints the impact and refuses without --yes (no terminal), then cleans with --yes', async () => {
    // The first run agrees to the configuration as it is (nothing to compare with yet).
    expect((await cli('status')).code).toBe(0);
    await writeFile(fx.configFile, baseConfig(fx.outputsDir, cacheFolderYaml(fx.cacheDir)));

    const refused = await cli('clean');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'config.yaml changed on disk: cleaning now applies its new rules, which remove 2,000 files, 3.9 MB, from cache.',
    );
    expect(refused.stderr).toContain('run it again with --yes to confirm');
    expect(await countFiles(fx.cacheDir)).toBe(CACHE_FILES);

    const dry = await cli('clean', '--dry-run');
    expect(dry.code).toBe(0);
    expect(await countFiles(fx.cacheDir)).toBe(CACHE_FILES);

    const confirmed = await cli('clean', '--yes');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/^Removed 2,000 files/);
    expect(await countFiles(fx.cacheDir)).toBe(0);

    // Agreed now: the next clean has nothing new to ask about.
    const again = await cli('clean');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('changed on disk');
  }, 240_000);
});
