import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '../../../electron/engine/config/load-config.js';
import { realPathOf } from '../../../electron/engine/config/safe-roots.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

/** The issues (line, col, message) of a config with one folder per `[name, path]`. */
async function refusals(folders: [string, string][]): Promise<[number | null, number | null, string][]> {
  const text =
    'folders:\n' +
    folders.map(([n, p]) => `  - name: ${n}\n    path: ${JSON.stringify(p)}\n    max_files: 5\n`).join('');
  const result = await parseConfigText(text, world.file(), world.ctx);
  return result.ok ? [] : result.error.issues.map((i) => [i.line, i.col, i.message]);
}

describe('dangerous roots, compared by real path', () => {
  it('refuses a symlink that leads to a system folder, at the path node, saying where it leads', async () => {
    await fs.symlink('/etc', path.join(world.project, 'outputs'));
    expect(await refusals([['outputs', 'outputs']])).toEqual([
      [3, 11, 'outputs cannot be managed because it is a system folder (it leads to /etc)'],
    ]);
  });

  it("refuses a symlink into Headroom's data folder, but allows its sample folders", async () => {
    await fs.symlink(world.dataDir, path.join(world.project, 'sneaky'));
    const samples = path.join(world.dataDir, 'folders', 'outputs');
    const found = await refusals([
      ['a', 'sneaky/history'],
      ['b', samples],
    ]);
    expect(found).toEqual([
      [3, 11, expect.stringMatching(/^a cannot be managed because it is inside Headroom's data folder/)],
    ]);
  });

  it('refuses the home folder through ~ and the config folder through .', async () => {
    expect(await refusals([['h', '~']])).toEqual([
      [3, 11, 'h cannot be managed because it is your home folder'],
    ]);
    expect(await refusals([['c', '.']])).toEqual([
      [3, 11, 'c cannot be managed because it is the folder of the config file itself'],
    ]);
  });

  it('reports overlapping roots, also when one reaches into the other through a symlink', async () => {
    await fs.mkdir(path.join(world.project, 'outputs', 'temp'), { recursive: true });
    await fs.symlink(path.join(world.project, 'outputs', 'temp'), path.join(world.project, 'scratch'));
    expect(
      await refusals([
        ['outputs', 'outputs'],
        ['temp', 'outputs/temp'],
        ['scratch', 'scratch'],
      ]),
    ).toEqual([
      [6, 11, 'outputs contains temp: a file would be managed twice'],
      [9, 11, 'outputs contains scratch: a file would be managed twice'],
      [9, 11, 'temp and scratch are the same folder: a file would be managed twice'],
    ]);
  });
});

describe('realPathOf', () => {
  it('resolves symlinks in the existing part of a path and appends the missing rest', async () => {
    await fs.mkdir(path.join(world.root, 'real'));
    await fs.symlink(path.join(world.root, 'real'), path.join(world.root, 'link'));
    expect(await realPathOf(path.join(world.root, 'link', 'not', 'yet'))).toBe(
      path.join(world.root, 'real', 'not', 'yet'),
    );
    expect(await realPathOf(path.join(world.root, 'link', '..', 'x'))).toBe(path.join(world.root, 'x'));
  });
});
