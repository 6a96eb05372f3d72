import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HTTP_MAX_BODY_BYTES, httpRoute } from '../../../shared/bridge.js';
import { bridgeCall, rawRequest, readAll, startFixture } from './serve-fixture.js';
import type { RawResponse, ServeFixture } from './serve-fixture.js';

let fx: ServeFixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => fx.close());

const snapshotRoute = httpRoute('getSnapshot');

describe('serve: the token', () => {
  it('refuses a bridge call without a token or with a wrong one (401), answers with the right one', async () => {
    const none = await bridgeCall(fx, snapshotRoute, {}, { Authorization: '' });
    const wrong = await bridgeCall(fx, snapshotRoute, {}, { Authorization: `Bearer ${fx.server.token}x` });
    const right = await bridgeCall(fx, snapshotRoute);
    expect(none.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(wrong.body).not.toContain('outputs');
    expect(right.status).toBe(200);
    expect(right.json).toMatchObject({ ok: true, value: { folders: [{ name: 'outputs', fileCount: 4 }] } });
  });

  it('is 32 base64url characters and differs per server', async () => {
    const other = await startFixture();
    try {
      expect(fx.server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(other.server.token).not.toBe(fx.server.token);
    } finally {
      await other.close();
    }
  });

  it('accepts the query parameter only on the events route', async () => {
    const viaQuery = await bridgeCall(
      fx,
      `${snapshotRoute}?token=${fx.server.token}`,
      {},
      { Authorization: '' },
    );
    expect(viaQuery.status).toBe(401);
    const v1 = await rawRequest(fx, { path: `/api/v1/resources?token=${fx.server.token}` });
    expect(v1.status).toBe(401);
    // Health answers a request that tries the query parameter with 401 too, not its public status.
    const health = await rawRequest(fx, { path: `/api/v1/health?token=${fx.server.token}` });
    expect(health.status).toBe(401);
  });
});

describe('serve: Host and Origin (DNS rebinding, cross-site pages)', () => {
  it('answers to 127.0.0.1, localhost and [::1] with its port, and refuses other Host headers', async () => {
    const port = fx.server.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await bridgeCall(fx, snapshotRoute, {}, { Host: host })).status).toBe(200);
    }
    for (const host of [
      `evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `localhost.evil:${port}`,
    ]) {
      const res = await bridgeCall(fx, snapshotRoute, {}, { Host: host });
      expect(res.status).toBe(421);
    }
    expect((await rawRequest(fx, { path: '/', headers: { Host: `rebind.example:${port}` } })).status).toBe(
      421,
    );
  });

  it('refuses a request whose Origin is another site, accepts its own origin', async () => {
    const foreign = await bridgeCall(fx, snapshotRoute, {}, { Origin: 'http://evil.example' });
    const nullOrigin = await bridgeCall(fx, snapshotRoute, {}, { Origin: 'null' });
    const own = await bridgeCall(fx, snapshotRoute, {}, { Origin: `http://${fx.host}` });
    expect(foreign.status).toBe(403);
    expect(nullOrigin.status).toBe(403);
    expect(own.status).toBe(200);
  });
});

describe('serve: request shape', () => {
  it('allows only POST on bridge routes (405) and only JSON bodies (415)', async () => {
    const get = await rawRequest(fx, {
      path: snapshotRoute,
      headers: { Authorization: `Bearer ${fx.server.token}` },
    });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const form = await bridgeCall(fx, snapshotRoute, 'a=1', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const text = await bridgeCall(fx, snapshotRoute, '{}', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('answers malformed JSON with 400 and a JSON message', async () => {
    const res = await bridgeCall(fx, httpRoute('previewCleanup'), '{"folders": [');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ ok: false, code: 'invalid-request' });
    expect((res.json as { message: string }).message).toMatch(/not valid JSON/);
  });

  it('refuses invalid input with 400: a folder name that tries to be a path, unknown keys', async () => {
    const path = await bridgeCall(fx, httpRoute('previewCleanup'), { folders: ['../../etc'] });
    expect(path.status).toBe(400);
    expect(path.json).toMatchObject({ ok: false, code: 'invalid-request' });
    const extra = await bridgeCall(fx, httpRoute('runCleanup'), { folders: ['outputs'], path: '/etc' });
    expect(extra.status).toBe(400);
    const unknown = await bridgeCall(fx, httpRoute('previewCleanup'), { folders: ['nope'] });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ ok: false, code: 'unknown-folder' });
  });

  it('answers an unknown API route with 404', async () => {
    expect((await bridgeCall(fx, '/api/bridge/deleteEverything')).status).toBe(404);
    expect((await bridgeCall(fx, '/api/bridge/constructor')).status).toBe(404);
  });
});

describe('serve: body size', () => {
  it('refuses a declared oversized body with 413 before it is sent', async () => {
    // Declares 100 MB, sends 64 KB and waits: the answer must come without the rest of the body.
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: fx.server.port,
        method: 'POST',
        path: snapshotRoute,
        agent: false,
        headers: {
          Host: fx.host,
          Authorization: `Bearer ${fx.server.token}`,
          'Content-Type': 'application/json',
          'Content-Length': String(100 * 1024 * 1024),
        },
      });
      req.on('response', (response) => readAll(response).then(resolve, reject));
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024, 0x20));
    });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ ok: false, code: 'invalid-request' });
  });

  it('stops reading a chunked body as soon as it passes the cap (413)', async () => {
    let sentBytes = 0;
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: fx.server.port,
        method: 'POST',
        path: snapshotRoute,
        agent: false,
        headers: {
          Host: fx.host,
          Authorization: `Bearer ${fx.server.token}`,
          'Content-Type': 'application/json',
        },
      });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const timer = setInterval(() => {
        if (sentBytes < 8 * HTTP_MAX_BODY_BYTES) req.write(chunk, () => (sentBytes += chunk.length));
      }, 5);
      req.on('response', (response) => {
        clearInterval(timer);
        readAll(response).then(resolve, reject);
      });
      req.on('error', (error) => (clearInterval(timer), reject(error)));
    });
    expect(res.status).toBe(413);
    // The answer came while the client was still able to send: far less than 8× the cap went out.
    expect(sentBytes).toBeLessThan(4 * HTTP_MAX_BODY_BYTES);
  });

  it('accepts a body just under the cap', async () => {
    const padded = JSON.stringify({ folders: ['outputs'] }).padEnd(HTTP_MAX_BODY_BYTES - 10, ' ');
    const res = await bridgeCall(fx, httpRoute('previewCleanup'), padded);
    expect(res.status).toBe(200);
  });
});

describe('serve: cleanup rate limit', () => {
  it('answers the 7th cleanup within a minute with 429 and Retry-After, bridge and v1 together', async () => {
    const statuses: number[] = [];
    // Malformed requests are refused before the limit is charged: these three cost nothing.
    for (let i = 0; i < 3; i++)
      statuses.push((await bridgeCall(fx, httpRoute('runCleanup'), { folders: ['../../etc'] })).status);
    for (let i = 0; i < 4; i++)
      statuses.push((await bridgeCall(fx, httpRoute('runCleanup'), { dryRun: true })).status);
    for (let i = 0; i < 2; i++) {
      const res = await rawRequest(fx, {
        method: 'POST',
        path: '/api/v1/cleanup',
        headers: { Authorization: `Bearer ${fx.server.token}` },
      });
      statuses.push(res.status);
    }
    const seventh = await bridgeCall(fx, httpRoute('runCleanup'), {});
    expect(statuses).toEqual([400, 400, 400, 200, 200, 200, 200, 200, 200]);
    expect(seventh.status).toBe(429);
    expect(seventh.json).toMatchObject({ ok: false, code: 'rate-limited' });
    expect(Number(seventh.headers['retry-after'])).toBeGreaterThan(0);
    // Other requests are not limited.
    expect((await bridgeCall(fx, httpRoute('previewCleanup'))).status).toBe(200);
  });
});
