/**
 * `GET /metrics` (issue 16 item 6): the Prometheus text format behind the bearer token, checked by hand
 * and by a real Prometheus server (Debian's `prometheus`, started here on loopback with a scrape config
 * that carries the token in a credentials file), whose query API must return the engine's own values.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, startFixture } from './serve-fixture.js';
import type { ServeFixture } from './serve-fixture.js';

const PROMETHEUS = '/usr/bin/prometheus';
const HAVE_PROMETHEUS = existsSync(PROMETHEUS);
if (!HAVE_PROMETHEUS && process.env.CI) {
  throw new Error(`${PROMETHEUS} is missing: scripts/install-system-deps.sh installs Debian's prometheus`);
}

let fx: ServeFixture | undefined;
let prometheus: ChildProcess | undefined;
afterEach(async () => {
  if (prometheus && prometheus.exitCode === null) {
    const exited = new Promise((resolve) => prometheus!.once('close', resolve));
    prometheus.kill('SIGTERM');
    await exited;
  }
  prometheus = undefined;
  await fx?.close();
  fx = undefined;
});

/** Sample lines of an exposition as `name{labels}` → value. */
function samples(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    map.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return map;
}

describe('serve: GET /metrics', () => {
  it('needs the token as a bearer, and answers the text format with the engine values', async () => {
    fx = await startFixture();
    expect((await rawRequest(fx, { path: '/metrics' })).status).toBe(401);
    expect((await rawRequest(fx, { path: `/metrics?token=${fx.server.token}` })).status).toBe(401);
    const run = await fx.engine.runCleanup({});
    const res = await rawRequest(fx, {
      path: '/metrics',
      headers: { Authorization: `Bearer ${fx.server.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('# TYPE headroom_files_removed_total counter');
    const snapshot = await fx.engine.getSnapshot();
    const outputs = snapshot.folders[0]!;
    const got = samples(res.body);
    expect(got.get('headroom_folder_bytes{folder="outputs"}')).toBe(outputs.sizeBytes);
    expect(got.get('headroom_folder_files{folder="outputs"}')).toBe(2);
    expect(got.get('headroom_folder_limit_files{folder="outputs"}')).toBe(2);
    expect(got.has('headroom_folder_limit_bytes{folder="outputs"}')).toBe(false);
    expect(got.get('headroom_folder_usage_ratio{folder="outputs"}')).toBe(1);
    expect(got.get('headroom_folder_level{folder="outputs"}')).toBe(2);
    expect(got.get('headroom_files_removed_total{folder="outputs"}')).toBe(2);
    expect(got.get('headroom_bytes_freed_total{folder="outputs"}')).toBe(run.bytesFreed);
    expect(got.get('headroom_cleanup_errors_total{folder="outputs"}')).toBe(0);
    expect(got.get('headroom_cleanup_runs_total{trigger="manual",status="completed"}')).toBe(1);
    expect(got.get('headroom_volume_free_bytes{folder="outputs"}')).toBeGreaterThan(0);
    expect(got.get('headroom_next_cleanup_timestamp_seconds')).toBe(
      Date.parse(snapshot.schedule.nextRunAt!) / 1000,
    );
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query(port: number, promql: string): Promise<number | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } };
    const first = body.data?.result?.[0];
    return first ? Number(first.value[1]) : null;
  } catch {
    return null;
  }
}

describe.skipIf(!HAVE_PROMETHEUS)(
  'serve: scraped by a real Prometheus server (skipped where /usr/bin/prometheus is absent outside CI)',
  () => {
    it("stores the folder's bytes and the files removed exactly as the engine reports them", async () => {
      fx = await startFixture();
      const run = await fx.engine.runCleanup({});
      const dir = join(fx.dir, 'prometheus');
      await mkdir(join(dir, 'data'), { recursive: true });
      const tokenFile = join(dir, 'token');
      await writeFile(tokenFile, fx.server.token, { mode: 0o600 });
      await writeFile(
        join(dir, 'prometheus.yml'),
        [
          'global:',
          '  scrape_interval: 1s',
          'scrape_configs:',
          '  - job_name: headroom',
          '    scrape_interval: 1s',
          '    metrics_path: /metrics',
          '    authorization:',
          `      credentials_file: ${tokenFile}`,
          '    static_configs:',
          `      - targets: ['127.0.0.1:${fx.server.port}']`,
          '',
        ].join('\n'),
      );
      const port = await freePort();
      let log = '';
      prometheus = spawn(PROMETHEUS, [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ]);
      prometheus.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const bytes = (await fx.engine.getSnapshot()).folders[0]!.sizeBytes;
      await expect
        .poll(() => query(port, 'headroom_folder_bytes{folder="outputs"}'), {
          timeout: 60_000,
          interval: 500,
        })
        .toBe(bytes);
      expect(await query(port, 'headroom_files_removed_total{folder="outputs"}')).toBe(run.filesRemoved);
      expect(await query(port, 'headroom_bytes_freed_total{folder="outputs"}')).toBe(run.bytesFreed);
      expect(await query(port, 'up{job="headroom"}'), log).toBe(1);
    }, 120_000);
  },
);
