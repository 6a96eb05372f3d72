/**
 * The seed-002 cleanup service's API on `serve` (issue 16 item 4): manual cleanup, cumulative metrics
 * kept across restarts and history compaction, and a schedule that stays stopped until started. A real
 * engine on temp folders behind a real server on loopback; restarts build a new engine on the same data.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRoute } from '../../../shared/bridge.js';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import { startServer } from '../../../electron/headless/serve/start-server.js';
import { DAY_MS, writeFiles } from '../../support/make-tree.js';
import { bridgeCall, rawRequest, startFixture } from './serve-fixture.js';
import type { RawResponse, ServeFixture } from './serve-fixture.js';

let fx: ServeFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const auth = (f: ServeFixture) => ({ Authorization: `Bearer ${f.server.token}` });
const get = (f: ServeFixture, path: string): Promise<RawResponse> =>
  rawRequest(f, { path, headers: auth(f) });
const post = (f: ServeFixture, path: string, body?: unknown): Promise<RawResponse> =>
  rawRequest(f, {
    method: 'POST',
    path,
    headers: { ...auth(f), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Stops the fixture's server and engine and starts new ones on the same folders and data (a restart). */
async function restart(f: ServeFixture): Promise<ServeFixture> {
  await f.server.close();
  await f.engine.dispose();
  return reopen(f);
}

/** New engine and server on the fixture's folders and data, once the old ones are closed. */
async function reopen(f: ServeFixture): Promise<ServeFixture> {
  const engine = await createEngine({
    dataDir: join(f.dir, 'data'),
    configFile: join(f.dir, 'config.yaml'),
    log: () => {},
  });
  const server = await startServer(engine, {
    host: '127.0.0.1',
    port: 0,
    rendererDir: join(f.dir, 'renderer'),
  });
  return {
    ...f,
    engine,
    server,
    host: `127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      await engine.dispose();
      await rm(f.dir, { recursive: true, force: true });
    },
  };
}

/** Four more old files, so the next cleanup (max_files: 2) removes two again. */
async function refill(f: ServeFixture, round: number): Promise<void> {
  await writeFiles(join(f.dir, 'outputs'), [
    { path: `r${round}-a.wav`, sizeBytes: 10, ageMs: 50 * DAY_MS },
    { path: `r${round}-b.wav`, sizeBytes: 10, ageMs: 45 * DAY_MS },
  ]);
}

interface Metrics {
  files_cleaned: number;
  bytes_freed: number;
  errors: number;
  cleanup_runs: number;
  last_cleanup: string | null;
  last_error: string | null;
  storage_size: number;
  storage_limit: number | null;
  folders: Record<string, { files_cleaned: number; bytes_freed: number; storage_size: number }>;
}

describe('serve: /api/cleanup endpoints (seed 002)', () => {
  it('need the token like every API call', async () => {
    fx = await startFixture();
    for (const [method, path] of [
      ['POST', '/api/cleanup/manual'],
      ['GET', '/api/cleanup/metrics'],
      ['POST', '/api/cleanup/schedule/start'],
      ['POST', '/api/cleanup/schedule/stop'],
      ['GET', '/api/cleanup/schedule/status'],
    ] as const) {
      expect((await rawRequest(fx, { method, path })).status, path).toBe(401);
    }
    expect(existsSync(join(fx.dir, 'outputs', 'old-1.wav'))).toBe(true);
    expect((await get(fx, '/api/cleanup/nothing')).status).toBe(404);
    expect((await get(fx, '/api/cleanup/manual')).status).toBe(405);
    expect((await post(fx, '/api/cleanup/metrics')).status).toBe(405);
  });

  it('POST manual cleans now; metrics count it, per folder too, with the storage now', async () => {
    fx = await startFixture();
    const before = (await get(fx, '/api/cleanup/metrics')).json as Metrics;
    expect(before).toMatchObject({
      files_cleaned: 0,
      bytes_freed: 0,
      errors: 0,
      cleanup_runs: 0,
      last_cleanup: null,
    });
    expect(before.storage_size).toBe(40);

    const run = await post(fx, '/api/cleanup/manual');
    expect(run.status).toBe(200);
    const ran = run.json as {
      success: boolean;
      files_cleaned: number;
      bytes_freed: number;
      start_time: string;
    };
    expect(ran).toMatchObject({ success: true, files_cleaned: 2, errors: 0, trigger: 'manual' });
    expect(existsSync(join(fx.dir, 'outputs', 'old-1.wav'))).toBe(false);

    const after = (await get(fx, '/api/cleanup/metrics')).json as Metrics;
    expect(after).toMatchObject({
      files_cleaned: 2,
      bytes_freed: ran.bytes_freed,
      errors: 0,
      cleanup_runs: 1,
      last_cleanup: ran.start_time,
      last_error: null,
      storage_size: 20,
      storage_limit: null,
    });
    expect(after.folders.outputs).toMatchObject({
      files_cleaned: 2,
      bytes_freed: ran.bytes_freed,
      storage_size: 20,
    });
  });

  it('POST manual validates folder names and shares the cleanup rate limit with /api/v1/cleanup', async () => {
    // An unknown folder passes the schema and costs one cleanup, as on the bridge: two make the limit.
    fx = await startFixture({ cleanupsPerMinute: 2 });
    expect((await post(fx, '/api/cleanup/manual', { folders: ['../../etc'] })).status).toBe(400);
    expect((await post(fx, '/api/cleanup/manual', { folders: ['temp'] })).status).toBe(404);
    expect((await post(fx, '/api/v1/cleanup')).status).toBe(200);
    const limited = await post(fx, '/api/cleanup/manual');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('keeps the totals across a restart and a compacted history, and counts every run in cleanup_count', async () => {
    fx = await startFixture();
    let bytes = 0;
    for (let round = 0; round < 12; round++) {
      if (round > 0) await refill(fx, round);
      bytes += (await fx.engine.runCleanup({})).bytesFreed;
    }
    const status = (await get(fx, '/api/v1/cleanup/status')).json as { scheduler: { cleanup_count: number } };
    expect(status.scheduler.cleanup_count).toBe(12);

    // Compaction keeps only the newest runs: here, as after one, the history holds just the last.
    const history = join(fx.dir, 'data', 'history.jsonl');
    const lines = (await readFile(history, 'utf8')).trim().split('\n');
    await fx.server.close();
    await fx.engine.dispose();
    await writeFile(history, lines.slice(-2).join('\n') + '\n');
    fx = await reopen(fx);

    const metrics = (await get(fx, '/api/cleanup/metrics')).json as Metrics;
    expect(metrics).toMatchObject({ files_cleaned: 24, bytes_freed: bytes, cleanup_runs: 12 });
    const again = (await get(fx, '/api/v1/cleanup/status')).json as { scheduler: { cleanup_count: number } };
    expect(again.scheduler.cleanup_count).toBe(12);
  });

  it('counts what the history holds when a data folder has no totals yet (an older Headroom)', async () => {
    fx = await startFixture();
    await fx.engine.runCleanup({});
    await refill(fx, 1);
    await fx.engine.runCleanup({});
    await rm(join(fx.dir, 'data', 'cleanup-totals.json'));
    fx = await restart(fx);
    expect((await get(fx, '/api/cleanup/metrics')).json).toMatchObject({ files_cleaned: 4, cleanup_runs: 2 });
    expect(existsSync(join(fx.dir, 'data', 'cleanup-totals.json'))).toBe(true);
  });

  it('stops the schedule until started, across restarts, and shows it in the snapshot and v1 status', async () => {
    fx = await startFixture();
    expect((await get(fx, '/api/cleanup/schedule/status')).json).toMatchObject({
      running: true,
      stopped: false,
    });

    const stopped = await post(fx, '/api/cleanup/schedule/stop');
    expect(stopped.status).toBe(200);
    expect(stopped.json).toMatchObject({ running: false, stopped: true, next_cleanup_time: null });
    const snapshot = await bridgeCall(fx, httpRoute('getSnapshot'));
    expect(snapshot.json).toMatchObject({ value: { schedule: { stopped: true, nextRunAt: null } } });
    expect((await get(fx, '/api/v1/cleanup/status')).json).toMatchObject({
      scheduler: { running: false, stopped: true },
    });

    fx = await restart(fx);
    expect((await get(fx, '/api/cleanup/schedule/status')).json).toMatchObject({
      stopped: true,
      running: false,
    });

    const started = await post(fx, '/api/cleanup/schedule/start', {});
    expect(started.status).toBe(200);
    const body = started.json as { stopped: boolean; running: boolean; next_cleanup_time: string | null };
    expect(body).toMatchObject({ stopped: false, running: true });
    expect(Date.parse(body.next_cleanup_time ?? '')).not.toBeNaN();
  });
});
