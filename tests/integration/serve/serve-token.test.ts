/**
 * Unattended use of `headroom serve` (issue 16 item 5): the token is kept 0600 in the 0700 data folder and
 * reused across restarts, `headroom token` prints it and `--rotate` replaces it (a running serve takes the
 * new one at once), `--token-file` and HEADROOM_TOKEN supply one, and no process's command line ever holds
 * it. Real `serve` processes on loopback.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { makeTempDir } from '../../support/make-tree.js';
import { RENDERER_BUILT, spawnServe } from '../../support/spawn-serve.js';
import type { ServedProcess } from '../../support/spawn-serve.js';

let dir: string;
let cleanup: () => Promise<void>;
const served: ServedProcess[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-token-'));
  await mkdir(join(dir, 'outputs'));
  await writeFile(
    join(dir, 'config.yaml'),
    'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 5\n',
  );
});
afterEach(async () => {
  for (const s of served.splice(0)) await s.stop();
  await cleanup();
});

const common = () => ['--config', join(dir, 'config.yaml'), '--data-dir', join(dir, 'data')];
const noEnvToken = { HEADROOM_TOKEN: '' };

function serve(extra: string[] = [], env: NodeJS.ProcessEnv = noEnvToken): ServedProcess {
  const s = spawnServe([...common(), ...extra], env);
  served.push(s);
  return s;
}

async function status(s: ServedProcess, path: string, token?: string): Promise<number> {
  const url = new URL(path, await s.link());
  const headers: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  return (await fetch(url, { headers })).status;
}

/** Every command line on this machine (Linux), to prove the token is on none of them. */
function allCommandLines(): string {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })
    .join('\n');
}

describe('headroom token', () => {
  it('creates the token once, 0600 in a 0700 data folder, prints the same one again, and --rotate replaces it', async () => {
    const first = await runCli(['token', ...common()]);
    expect(first.code, first.stderr).toBe(0);
    const token = first.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const file = join(dir, 'data', 'api-token');
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
    }
    expect((await runCli(['token', ...common()])).stdout.trim()).toBe(token);
    const rotated = await runCli(['token', '--rotate', ...common()]);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout.trim()).not.toBe(token);
    expect(readFileSync(file, 'utf8').trim()).toBe(rotated.stdout.trim());
  });

  it('refuses a stored token file that was edited into something unusable, saying why', async () => {
    expect((await runCli(['token', ...common()])).code).toBe(0);
    await writeFile(join(dir, 'data', 'api-token'), 'short\n');
    const res = await runCli(['token', ...common()]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/must be 16 to 256 characters long; it has 5/);
  });
});

describe.skipIf(!RENDERER_BUILT)('headroom serve: the token across restarts (needs `npm run build`)', () => {
  it('uses the stored token, the same after a restart, and takes a rotated one without a restart', async () => {
    const stored = (await runCli(['token', ...common()])).stdout.trim();
    const first = serve();
    expect(await first.token()).toBe(stored);
    expect(await status(first, '/api/v1/resources', stored)).toBe(200);
    expect(await first.stop()).toBe(0);

    const second = serve();
    expect(await second.token()).toBe(stored);
    expect(await status(second, '/api/v1/resources', stored)).toBe(200);

    const rotated = (await runCli(['token', '--rotate', ...common()])).stdout.trim();
    expect(await status(second, '/api/v1/resources', stored)).toBe(401);
    expect(await status(second, '/api/v1/resources', rotated)).toBe(200);
  });

  it('takes the token from --token-file, and from HEADROOM_TOKEN, never from a command line', async () => {
    const fromFile = 'file-token-0123456789abcdef';
    const tokenFile = join(dir, 'my-token');
    await writeFile(tokenFile, fromFile + '\n');
    await chmod(tokenFile, 0o600);
    const a = serve(['--token-file', tokenFile]);
    expect(await a.token()).toBe(fromFile);
    expect(await status(a, '/api/v1/resources', fromFile)).toBe(200);
    expect(a.stderr()).toContain(`API token from ${tokenFile}`);
    if (process.platform === 'linux') expect(allCommandLines()).not.toContain(fromFile);
    expect(await a.stop()).toBe(0);

    const fromEnv = 'env-token-0123456789abcdef';
    const b = serve([], { HEADROOM_TOKEN: fromEnv });
    expect(await b.token()).toBe(fromEnv);
    expect(await status(b, '/api/v1/resources', fromEnv)).toBe(200);
    expect(await status(b, '/api/v1/resources', fromFile)).toBe(401);
    if (process.platform === 'linux') expect(allCommandLines()).not.toContain(fromEnv);
  });

  it('refuses a token that is too short or holds a space, with a sentence, and exits 2', async () => {
    const short = serve([], { HEADROOM_TOKEN: 'abc' });
    expect(await short.exit).toBe(2);
    expect(short.stderr()).toMatch(/HEADROOM_TOKEN must be 16 to 256 characters long/);
    const tokenFile = join(dir, 'spaced');
    await writeFile(tokenFile, 'has a space in it, so not a bearer token');
    const spaced = serve(['--token-file', tokenFile]);
    expect(await spaced.exit).toBe(2);
    expect(spaced.stderr()).toMatch(/may hold only letters, digits/);
    const missing = serve(['--token-file', join(dir, 'nowhere')]);
    expect(await missing.exit).toBe(2);
    expect(missing.stderr()).toMatch(/cannot read the token file/);
  });

  it('answers GET /api/v1/health without a token with the status alone, and the full body with it', async () => {
    const s = serve();
    const url = new URL('/api/v1/health', await s.link());
    const open = await fetch(url);
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ status: 'ok' });
    const full = await fetch(url, { headers: { Authorization: `Bearer ${await s.token()}` } });
    expect(await full.json()).toMatchObject({ status: 'ok', folders: [{ name: 'outputs' }] });
    expect(await status(s, '/api/v1/health', 'wrong-token-wrong-token')).toBe(401);
    expect(await status(s, '/api/v1/resources')).toBe(401);
  });
});
