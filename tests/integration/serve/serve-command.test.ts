import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT } from '../../../electron/headless/serve/serve-command.js';
import { makeTempDir } from '../../support/make-tree.js';

const CLI = fileURLToPath(new URL('../../../electron/headless/cli.ts', import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL('../../../out/renderer/index.html', import.meta.url)));

let dir: string;
let cleanup: () => Promise<void>;
const children: ChildProcessWithoutNullStreams[] = [];
const blockers: Server[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-serve-cli-'));
  await writeFile(
    join(dir, 'config.yaml'),
    'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 5\n',
  );
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const blocker of blockers.splice(0)) blocker.close();
  await cleanup();
});

interface Served {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function serve(...extra: string[]): Served {
  const args = [
    '--import',
    'tsx',
    CLI,
    'serve',
    '--config',
    join(dir, 'config.yaml'),
    '--data-dir',
    join(dir, 'data'),
  ];
  const child = spawn(process.execPath, [...args, ...extra]);
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function link(served: Served): Promise<URL> {
  await expect.poll(served.stdout, { timeout: 20_000 }).toMatch(/Headroom dashboard: /);
  const match = /Headroom dashboard: (\S+)/.exec(served.stdout());
  return new URL(match?.[1] ?? '');
}

/** Holds DEFAULT_PORT for the test (or finds it already held by something else: busy either way). */
async function occupyDefaultPort(): Promise<void> {
  const blocker = createServer();
  await new Promise<void>((resolve) => {
    blocker.once('error', () => resolve());
    blocker.listen(DEFAULT_PORT, '127.0.0.1', () => resolve());
  });
  blockers.push(blocker);
}

describe.skipIf(!BUILT)('headroom serve (separate process; needs `npm run build` for out/renderer)', () => {
  it('prints a loopback link with a token, serves the dashboard, and exits 0 on SIGTERM', async () => {
    const served = serve('--port', '0');
    const url = await link(served);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{32}$/);
    const page = await fetch(new URL('/', url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const token = url.hash.slice('#token='.length);
    const health = await fetch(new URL('/api/v1/health', url), {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(health.status).toBe(200);
    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
    await expect(fetch(new URL('/', url))).rejects.toThrow();
  });

  it('falls back to a random port when the default one is busy, and says so', async () => {
    await occupyDefaultPort();
    const served = serve();
    const url = await link(served);
    expect(Number(url.port)).not.toBe(DEFAULT_PORT);
    expect(served.stderr()).toContain(`port ${DEFAULT_PORT} is in use`);
    served.child.kill('SIGINT');
    expect(await served.exit).toBe(0);
  });

  it('refuses an explicit --port that is busy (exit 2)', async () => {
    await occupyDefaultPort();
    const served = serve('--port', String(DEFAULT_PORT));
    expect(await served.exit).toBe(2);
    expect(served.stderr()).toContain(`port ${DEFAULT_PORT} is in use`);
  });

  it('warns on stderr when --host is not loopback', async () => {
    const served = serve('--port', '0', '--host', '0.0.0.0');
    await link(served);
    expect(served.stderr()).toMatch(/warning: .*reachable from the network/);
    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
  });
});
