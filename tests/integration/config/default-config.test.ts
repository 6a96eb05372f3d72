import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG_TEXT, ensureDefaultConfig } from '../../../electron/engine/config/default-config.js';
import { loadConfigFile } from '../../../electron/engine/config/load-config.js';
import { configFileSchema, folderConfigSchema } from '../../../shared/config-schema.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

describe('ensureDefaultConfig', () => {
  it('writes a config that loads with the Chatterbox defaults over sample folders it creates', async () => {
    const { file, created } = await ensureDefaultConfig(world.dataDir);
    expect(created).toBe(true);
    expect(file).toBe(path.join(world.dataDir, 'config.yaml'));
    const result = await loadConfigFile(file, world.ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const samples = path.join(world.dataDir, 'folders');
    expect(result.config).toMatchObject({
      warningThresholdPercent: 80,
      cleanupOnStartup: true,
      cleanupIntervalHours: 5,
    });
    expect(
      result.config.folders.map((f) => [f.name, f.path, f.maxSizeBytes, f.maxFiles, f.maxAgeDays]),
    ).toEqual([
      ['outputs', path.join(samples, 'outputs'), 5 * 1024 ** 3, null, null],
      ['temp', path.join(samples, 'temp'), null, 200, 7],
      ['vc_inputs', path.join(samples, 'vc_inputs'), 2 * 1024 ** 3, null, null],
    ]);
    for (const folder of result.config.folders) expect((await fs.stat(folder.path)).isDirectory()).toBe(true);
  });

  it('explains every key the schema knows in a comment (on the line above it or in the key list)', () => {
    const lines = DEFAULT_CONFIG_TEXT.split('\n');
    const isComment = (line: string | undefined): boolean => line?.trim().startsWith('#') ?? false;
    const explained = (key: string): boolean =>
      lines.some((line, i) => {
        const word = new RegExp(`\\b${key}\\b`);
        if (isComment(line) && word.test(line) && !new RegExp(`#\\s*${key}:`).test(line)) return true;
        return new RegExp(`^\\s*${key}:`).test(line) && isComment(lines[i - 1]);
      });
    const keys = [...Object.keys(configFileSchema.shape), ...Object.keys(folderConfigSchema.shape)];
    expect(keys.filter((key) => !explained(key))).toEqual([]);
  });

  it('never touches an existing file, even an invalid one', async () => {
    const file = path.join(world.dataDir, 'config.yaml');
    await fs.writeFile(file, 'not: [valid');
    expect(await ensureDefaultConfig(world.dataDir)).toEqual({ file, created: false });
    expect(await fs.readFile(file, 'utf8')).toBe('not: [valid');
    await expect(fs.stat(path.join(world.dataDir, 'folders'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
