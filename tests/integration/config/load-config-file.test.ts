import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfigFile, type LoadResult } from '../../../electron/engine/config/load-config.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

const VALID = 'folders:\n  - name: temp\n    path: temp\n    max_files: 5\n';

function issues(result: LoadResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error.issues.map(({ line, col, message }) => ({ line, col, message }));
}

describe('loadConfigFile', () => {
  it('loads a valid file', async () => {
    const result = await loadConfigFile(await world.write(VALID), world.ctx);
    expect(result.ok && result.config.folders[0]?.path).toBe(path.join(world.project, 'temp'));
  });

  it('manages a root that is itself a link at its target (outputs → a bigger disk)', async () => {
    const target = path.join(world.project, 'big-disk', 'outputs');
    await fs.mkdir(target, { recursive: true });
    await fs.symlink(target, path.join(world.project, 'temp'));
    const result = await loadConfigFile(await world.write(VALID), world.ctx);
    expect(result.ok && result.config.folders[0]?.path).toBe(await fs.realpath(target));
  });

  it('refuses a root that is a link to a dangerous folder, judged by where it points', async () => {
    await fs.symlink('/', path.join(world.project, 'temp'));
    const result = await loadConfigFile(await world.write(VALID), world.ctx);
    expect(issues(result)[0]?.message).toMatch(/it is the root of a file system/);
  });

  it('says so when the file does not exist', async () => {
    const result = await loadConfigFile(path.join(world.project, 'missing.yaml'), world.ctx);
    expect(issues(result)).toEqual([{ line: null, col: null, message: 'the config file does not exist' }]);
    expect(!result.ok && result.error.file).toBe(path.join(world.project, 'missing.yaml'));
  });

  it('refuses a file over 1 MB without parsing it', async () => {
    const file = await world.write(VALID + '#'.repeat(1024 * 1024));
    expect(issues(await loadConfigFile(file, world.ctx))).toEqual([
      {
        line: null,
        col: null,
        message: `the file holds ${(VALID.length + 1024 * 1024).toLocaleString('en-US')} bytes, more than the 1 MB a config file may hold, so it was not read`,
      },
    ]);
  });

  it('refuses bytes that are not UTF-8, pointing at the first one', async () => {
    const file = world.file();
    await fs.writeFile(
      file,
      Buffer.concat([Buffer.from('folders:\n  - name: t'), Buffer.from([0xe9]), Buffer.from('mp\n')]),
    );
    expect(issues(await loadConfigFile(file, world.ctx))).toEqual([
      { line: 2, col: 12, message: expect.stringMatching(/^the file is not UTF-8 text/) },
    ]);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const file = world.file();
    await fs.writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VALID)]));
    expect((await loadConfigFile(file, world.ctx)).ok).toBe(true);
  });

  it('refuses a folder given as the config file', async () => {
    expect(issues(await loadConfigFile(world.project, world.ctx))).toEqual([
      { line: null, col: null, message: 'this is not a file' },
    ]);
  });

  it('reports a file the user may not read (run as uid 65534)', async () => {
    const file = await world.write(VALID);
    await fs.chmod(file, 0o600);
    for (const dir of [world.root, world.home, world.project]) await fs.chmod(dir, 0o755);
    const script = fileURLToPath(new URL('./load-as-user.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        '--import',
        'tsx',
        script,
        file,
        world.dataDir,
        world.home,
      ],
      { cwd: process.cwd() },
    );
    expect(issues(JSON.parse(stdout) as LoadResult)).toEqual([
      { line: null, col: null, message: 'the config file cannot be read: permission denied' },
    ]);
  });
});
