/**
 * Issue 10, finding 4, end to end through the CLI: a `--config` that is a link into a managed folder, and
 * roots that are bind mounts of refused folders. The mounts are made in a private mount namespace
 * (`unshare -m --propagation private`), so nothing leaks to the machine; without the right to do that the
 * bind-mount tests are skipped and say why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, realpath, symlink, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../support/run-cli.js';
import { DAY_MS, makeTempDir } from '../../support/make-tree.js';

const CLI = fileURLToPath(new URL('../../../electron/headless/cli.ts', import.meta.url));

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const made = await makeTempDir('headroom-refused-');
  cleanup = made.cleanup;
  dir = await realpath(made.dir);
});
afterEach(async () => cleanup());

const folders = (paths: string[]): string =>
  'folders:\n' +
  paths.map((p, i) => `  - name: f${i}\n    path: ${JSON.stringify(p)}\n    max_age_days: 1\n`).join('');

/** The refusal of each folder in check-config's stderr (null when accepted), in folder order. */
const verdicts = (result: CliResult, count: number): (string | null)[] =>
  Array.from({ length: count }, (_, i) => {
    const line = result.stderr.split('\n').find((l) => l.includes(`: f${i} cannot be managed because `));
    return line ? line.slice(line.indexOf(`f${i} cannot`)) : null;
  });

describe('a --config that is a link to a file inside a managed folder', () => {
  it('is refused by check-config and clean, and clean leaves the real file alone', async () => {
    const outputs = join(dir, 'project', 'outputs');
    await mkdir(outputs, { recursive: true });
    const real = join(outputs, 'headroom.yaml');
    await writeFile(real, folders([outputs]));
    const old = new Date(Date.now() - 10 * DAY_MS);
    await utimes(real, old, old);
    await mkdir(join(dir, 'etc'));
    const link = join(dir, 'etc', 'config.yaml');
    await symlink(real, link);
    const args = (command: string) => ['--config', link, '--data-dir', join(dir, 'data'), command];

    const check = await runCli(args('check-config'));
    expect(check.code).toBe(2);
    expect(verdicts(check, 1)).toEqual([
      `f0 cannot be managed because it holds the config file (the config file is a link to ${real})`,
    ]);
    const clean = await runCli(args('clean'));
    expect(clean.code).toBe(2);
    expect(await readFile(real, 'utf8')).toBe(folders([outputs]));
  });
});

const unshareProbe = spawnSync('unshare', ['-m', '--propagation', 'private', 'true'], { encoding: 'utf8' });
const canUnshare = unshareProbe.status === 0;
if (!canUnshare) {
  const why = unshareProbe.error?.message ?? unshareProbe.stderr.trim();
  console.log(`bind-mount root tests skipped: unshare -m is not permitted here (${why})`);
}

/** Runs `check-config` in a private mount namespace after `mount --bind` of each [source, target]. */
function checkConfigWithMounts(
  mounts: [string, string][],
  config: string,
  dataDir: string,
  home: string,
): Promise<CliResult> {
  const binds = mounts.map((_, i) => `mount --bind "$S${i}" "$T${i}" &&`).join(' ');
  const script = `${binds} exec "$NODE" --import tsx "$CLI" --config "$CONFIG" --data-dir "$DATA" check-config`;
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NODE: process.execPath, CLI, CONFIG: config };
  env.DATA = dataDir;
  mounts.forEach(([source, target], i) => Object.assign(env, { [`S${i}`]: source, [`T${i}`]: target }));
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!canUnshare)(
  'roots that are bind mounts of refused folders (private mount namespace)',
  () => {
    it('refuses bind mounts of the home, /etc, a folder in /etc, the data folder and /, and what holds one', async () => {
      const home = join(dir, 'home');
      const data = join(dir, 'data');
      const box = join(dir, 'box');
      const m = (name: string) => join(dir, 'm', name);
      const made = [join(home, 'outputs'), join(data, 'folders', 'outputs'), join(box, 'h')];
      const targets = ['home', 'etc', 'data', 'root', 'etcsub'].map(m);
      await Promise.all([...made, ...targets].map((d) => mkdir(d, { recursive: true })));
      const etcSub = (await readdir('/etc', { withFileTypes: true })).find((e) => e.isDirectory())!.name;
      const config = join(dir, 'project', 'config.yaml');
      await mkdir(join(dir, 'project'));
      const paths = [
        m('home'),
        join(m('home'), 'outputs'),
        m('etc'),
        join(m('etc'), etcSub),
        join(m('data'), 'logs'),
        join(m('data'), 'folders', 'outputs'),
        m('root'),
        m('etcsub'),
        box,
      ];
      await writeFile(config, folders(paths));
      const mounts: [string, string][] = [
        [home, m('home')],
        ['/etc', m('etc')],
        [data, m('data')],
        ['/', m('root')],
        [join('/etc', etcSub), m('etcsub')],
        [home, join(box, 'h')],
      ];

      const result = await checkConfigWithMounts(mounts, config, data, home);
      expect(result.code, result.stderr).toBe(2);
      const through = ', reached through a bind mount or link';
      const dataInside = `it is inside Headroom's data folder ${data}${through}; only `;
      expect(verdicts(result, paths.length)).toEqual([
        `f0 cannot be managed because it is the same folder as your home folder ${home}${through}`,
        null,
        `f2 cannot be managed because it is the same folder as the system folder /etc${through}`,
        `f3 cannot be managed because it is inside the system folder /etc${through}`,
        expect.stringMatching(new RegExp(`^f4 cannot be managed because ${dataInside}`)),
        null,
        `f6 cannot be managed because it is the same folder as the root of the file system${through}`,
        `f7 cannot be managed because it is inside a system folder (it is /etc/${etcSub}, shown here by a bind mount)`,
        `f8 cannot be managed because it contains ${box}/h, which is the same folder as your home folder ${home}${through}`,
      ]);
      expect(existsSync(join(m('home'), 'outputs'))).toBe(false);
    });
  },
);
