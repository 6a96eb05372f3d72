/**
 * Issue 10, finding 4: roots that were accepted and must not be. System folders, other accounts' homes and a
 * config file reached through a link, checked against the real file system (bind mounts: see
 * bind-mount-roots.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfigFile, parseConfigText } from '../../../electron/engine/config/load-config.js';
import { checkRoots } from '../../../electron/engine/config/safe-roots.js';
import { parsePasswd } from '../../../electron/engine/config/account-homes.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

const folders = (paths: string[]): string =>
  'folders:\n' +
  paths.map((p, i) => `  - name: f${i}\n    path: ${JSON.stringify(p)}\n    max_files: 5\n`).join('');

/** The refusal message of each folder (null when accepted), in folder order. */
async function verdicts(paths: string[]): Promise<(string | null)[]> {
  const result = await parseConfigText(folders(paths), world.file(), world.ctx);
  const issues = result.ok ? [] : result.error.issues;
  return paths.map((_, i) => issues.find((x) => x.message.startsWith(`f${i} cannot`))?.message ?? null);
}

const ISSUE_10_SYSTEM = [
  '/var/lib',
  '/var/lib/dpkg',
  '/var/log',
  '/var/spool/cron',
  '/var/mail',
  '/var/tmp',
  '/run/user',
  '/mnt',
  '/media',
  '/snap',
  '/nix/store',
  '/tmp',
];

describe('system folders of issue 10', () => {
  it.each(ISSUE_10_SYSTEM)('refuses %s, as written', async (dir) => {
    expect(await verdicts([dir])).toEqual([expect.stringMatching(/because it is (inside )?a system folder/)]);
  });

  it('refuses each of them that exists here through a symlink too, saying where it leads', async () => {
    const existing = ISSUE_10_SYSTEM.filter((d) => existsSync(d));
    await Promise.all(existing.map((d, i) => fs.symlink(d, path.join(world.project, `link${i}`))));
    const found = await verdicts(existing.map((_, i) => `link${i}`));
    found.forEach((message, i) => {
      expect(message).toMatch(/because it is (inside )?a system folder \(it leads to \//);
      expect(message).toContain(existing[i]);
    });
  });

  it('allows a folder of ordinary files below /tmp, /var/tmp and /mnt', async () => {
    expect(await verdicts(['/tmp/hr-x/outputs', '/var/tmp/hr-x/outputs', '/mnt/data/outputs'])).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe("other accounts' home folders", () => {
  const places = () => ({ home: world.home, dataDir: world.dataDir, configFile: world.file() });

  it('refuses another account from a fake account list (port), through a link too, but not inside it', async () => {
    const other = path.join(world.root, 'other-home');
    await fs.mkdir(path.join(other, 'outputs'), { recursive: true });
    await fs.symlink(other, path.join(world.root, 'link-to-other'));
    const accounts = () => Promise.resolve([{ user: 'hr-other-test', home: other }]);
    const roots = [other, path.join(other, 'outputs'), path.join(world.root, 'link-to-other')].map(
      (p, i) => ({ name: `r${i}`, path: p, enabled: true }),
    );
    const problems = await checkRoots(roots, places(), accounts);
    expect(problems.filter((p) => /cannot be managed/.test(p.message))).toEqual([
      { index: 0, message: 'r0 cannot be managed because it is the home folder of user hr-other-test' },
      {
        index: 2,
        message: `r2 cannot be managed because it is the home folder of user hr-other-test (it leads to ${other})`,
      },
    ]);
  });

  it('does not count the current home folder as another account, even when it is listed', async () => {
    const accounts = () => Promise.resolve([{ user: 'me', home: world.home }]);
    const roots = [{ name: 'o', path: path.join(world.home, 'outputs'), enabled: true }];
    expect(await checkRoots(roots, places(), accounts)).toEqual([]);
  });

  it('refuses every home folder of the real /etc/passwd that exists (nobody and friends included)', async () => {
    const homes = parsePasswd(readFileSync('/etc/passwd', 'utf8'))
      .map((a) => a.home)
      .filter((h) => h !== world.home && existsSync(h) && statSync(h).isDirectory());
    expect(homes.length).toBeGreaterThan(0);
    const roots = homes.map((h, i) => ({ name: `r${i}`, path: h, enabled: true }));
    const problems = await checkRoots(roots, places());
    const refused = new Set(problems.filter((p) => /cannot be managed/.test(p.message)).map((p) => p.index));
    expect(homes.filter((_, i) => !refused.has(i))).toEqual([]);
  });
});

describe('a config file reached through a link', () => {
  it('refuses a folder that holds the real config file, and one that contains it', async () => {
    const outputs = path.join(world.project, 'outputs');
    const links = path.join(world.home, 'links');
    await Promise.all([outputs, links].map((d) => fs.mkdir(d)));
    const real = path.join(outputs, 'headroom.yaml');
    await fs.writeFile(real, folders([outputs, world.project, path.join(outputs, 'old'), '.']));
    const link = path.join(links, 'config.yaml');
    await fs.symlink(real, link);
    const result = await loadConfigFile(link, world.ctx);
    const messages = result.ok ? [] : result.error.issues.map((i) => i.message);
    expect(messages.filter((m) => /cannot be managed/.test(m))).toEqual([
      `f0 cannot be managed because it holds the config file (the config file is a link to ${real})`,
      `f1 cannot be managed because it contains the config file (the config file is a link to ${real})`,
      'f3 cannot be managed because it is the folder of the config file itself',
    ]);
  });
});
