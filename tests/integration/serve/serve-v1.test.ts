import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpRoute } from '../../../shared/bridge.js';
import { rawRequest, startFixture } from './serve-fixture.js';
import type { RawResponse, ServeFixture } from './serve-fixture.js';

let fx: ServeFixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => fx.close());

const get = (path: string, token = fx.server.token): Promise<RawResponse> =>
  rawRequest(fx, { path, headers: { Authorization: `Bearer ${token}` } });

const post = (path: string, body?: unknown): Promise<RawResponse> =>
  rawRequest(fx, {
    method: 'POST',
    path,
    headers: {
      Authorization: `Bearer ${fx.server.token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('serve: Chatterbox-compatible /api/v1 endpoints', () => {
  it('need the token like every API call', async () => {
    for (const path of ['/api/v1/health', '/api/v1/resources', '/api/v1/cleanup/status']) {
      expect((await get(path, 'wrong')).status, path).toBe(401);
    }
    expect((await rawRequest(fx, { method: 'POST', path: '/api/v1/cleanup' })).status).toBe(401);
    expect(existsSync(join(fx.dir, 'outputs', 'old-1.wav'))).toBe(true);
  });

  it('GET health: critical while a folder is over its limit, with a warning sentence per folder', async () => {
    const res = await get('/api/v1/health');
    expect(res.status).toBe(200);
    const body = res.json as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'critical',
      folders: [{ name: 'outputs', level: 'over', usage_percent: 200 }],
    });
    expect(body.warnings).toEqual([expect.stringContaining('outputs is using 200%')]);
  });

  it('GET health: ok with no warnings once the limits leave room', async () => {
    const folders = [{ name: 'outputs', path: join(fx.dir, 'outputs'), max_files: 10 }];
    const update = await rawRequest(fx, {
      method: 'POST',
      path: httpRoute('updateConfig'),
      headers: { Authorization: `Bearer ${fx.server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ folders }),
    });
    expect(update.status).toBe(200);
    expect((await get('/api/v1/health')).json).toMatchObject({ status: 'ok', warnings: [] });
  });

  it('GET health: an age-only folder is ok before and after its cleanup; resources count the files past the age', async () => {
    // 40, 30, 20 and 10 days old against 35 days: one file past the age, the oldest left at 30 of 35 (86%).
    const folders = [{ name: 'outputs', path: join(fx.dir, 'outputs'), max_age_days: 35 }];
    const update = await rawRequest(fx, {
      method: 'POST',
      path: httpRoute('updateConfig'),
      headers: { Authorization: `Bearer ${fx.server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ folders }),
    });
    expect(update.status).toBe(200);
    expect((await get('/api/v1/health')).json).toMatchObject({ status: 'ok', warnings: [] });
    const before = (await get('/api/v1/resources')).json as { directories: Record<string, object> };
    expect(before.directories.outputs).toMatchObject({ files_past_max_age: 1, level: 'ok' });
    expect((await post('/api/v1/cleanup')).json).toMatchObject({ total_files_removed: 1 });
    expect((await get('/api/v1/health')).json).toMatchObject({
      status: 'ok',
      warnings: [],
      folders: [{ name: 'outputs', level: 'ok' }],
    });
    const after = (await get('/api/v1/resources')).json as { directories: Record<string, object> };
    expect(after.directories.outputs).toMatchObject({ files_past_max_age: 0, level: 'ok' });
  });

  it('GET resources: per-folder usage under Chatterbox field names', async () => {
    const res = await get('/api/v1/resources');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      directories: {
        outputs: { size_bytes: 40, file_count: 4, max_files: 2, max_size_mb: null, usage_percent: 200 },
      },
    });
    expect(Date.parse((res.json as { timestamp: string }).timestamp)).not.toBeNaN();
  });

  it('POST cleanup runs now (no body needed) and the status shows it', async () => {
    const run = await post('/api/v1/cleanup');
    expect(run.status).toBe(200);
    expect(run.json).toMatchObject({
      status: 'completed',
      total_files_removed: 2,
      total_bytes_removed: 20,
      actions: { outputs: { files_removed: 2, bytes_removed: 20, bytes_trashed: 0 } },
    });
    // Freed means the disk blocks given back: two 10-byte files hold at least a block each.
    const freed = (run.json as { total_bytes_freed: number }).total_bytes_freed;
    expect(freed).toBeGreaterThanOrEqual(20);
    expect(freed % 512).toBe(0);
    expect(existsSync(join(fx.dir, 'outputs', 'old-1.wav'))).toBe(false);
    const status = await get('/api/v1/cleanup/status');
    expect(status.json).toMatchObject({
      scheduler: { cleanup_interval_hours: 5, cleanup_on_startup: true, cleanup_count: 1 },
      history: [{ total_files_removed: 2, trigger: 'manual' }],
    });
    expect((status.json as { scheduler: { last_cleanup_time: string } }).scheduler.last_cleanup_time).toBe(
      (run.json as { start_time: string }).start_time,
    );
  });

  it('POST cleanup with { folders } validates the names; GET-only routes refuse POST', async () => {
    expect((await post('/api/v1/cleanup', { folders: ['../../etc'] })).status).toBe(400);
    expect((await post('/api/v1/cleanup', { folders: ['temp'] })).status).toBe(404);
    expect(existsSync(join(fx.dir, 'outputs', 'old-1.wav'))).toBe(true);
    expect((await post('/api/v1/health', {})).status).toBe(405);
    expect((await get('/api/v1/cleanup')).status).toBe(405);
    expect((await get('/api/v1/metrics')).status).toBe(404);
  });
});
