/**
 * HTTP manners of `serve` (issue 16 item 7): hashed assets cached for a year and immutable, index.html
 * revalidated with an ETag (304), API answers never stored, 413 in the seed's shape with a configurable
 * limit, 400 for a malformed address, and no stack trace in the log for any request.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRoute } from '../../../shared/bridge.js';
import { RENDERER_BUILT, spawnServe } from '../../support/spawn-serve.js';
import { makeTempDir } from '../../support/make-tree.js';
import { bridgeCall, rawRequest, startFixture } from './serve-fixture.js';
import type { ServeFixture } from './serve-fixture.js';

let fx: ServeFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('serve: caching', () => {
  it('caches hashed assets for a year, immutable', async () => {
    fx = await startFixture();
    const res = await rawRequest(fx, { path: '/assets/index-Rz_1aeHA.js' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body).toBe('console.log("hashed");');
    // A name without a content hash may change in place: revalidated, never immutable.
    expect((await rawRequest(fx, { path: '/assets/app.js' })).headers['cache-control']).toBe('no-cache');
  });

  it('revalidates index.html with an ETag: 304 while it is unchanged, 200 with a new ETag once it changes', async () => {
    fx = await startFixture();
    const first = await rawRequest(fx, { path: '/' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await rawRequest(fx, { path: '/index.html' })).headers.etag).toBe(etag);

    const again = await rawRequest(fx, { path: '/', headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const listed = await rawRequest(fx, { path: '/', headers: { 'If-None-Match': `"other", W/${etag}` } });
    expect(listed.status).toBe(304);
    expect((await rawRequest(fx, { path: '/', headers: { 'If-None-Match': '"other"' } })).status).toBe(200);

    // Same length, other content (a rebuild changes only the hashes in the asset names).
    await writeFile(join(fx.dir, 'renderer', 'index.html'), '<!doctype html><title>DASH</title>');
    const changed = await rawRequest(fx, { path: '/', headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body).toContain('DASH');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('marks every API answer no-store, refusals included', async () => {
    fx = await startFixture();
    const auth = { Authorization: `Bearer ${fx.server.token}` };
    const answers = [
      await rawRequest(fx, { path: '/api/v1/resources', headers: auth }),
      await rawRequest(fx, { path: '/api/v1/resources' }),
      await rawRequest(fx, { path: '/api/v1/nothing', headers: auth }),
      await bridgeCall(fx, httpRoute('getSnapshot')),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 200]);
    for (const a of answers) expect(a.headers['cache-control']).toBe('no-store');
  });
});

describe('serve: request too large', () => {
  it("answers 413 in the seed's shape, with the limit in bytes", async () => {
    fx = await startFixture();
    const body = JSON.stringify({ folders: ['outputs'] }).padEnd(1024 * 1024 + 10, ' ');
    const res = await bridgeCall(fx, httpRoute('previewCleanup'), body);
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({
      error: 'request_too_large',
      message: 'Request body too large. Maximum size is 1.0 MB',
      max_size_bytes: 1024 * 1024,
    });
  });

  it('takes its limit from the server options', async () => {
    fx = await startFixture({ maxBodyBytes: 512 * 1024 });
    const body = JSON.stringify({ folders: ['outputs'] }).padEnd(600 * 1024, ' ');
    const res = await bridgeCall(fx, httpRoute('previewCleanup'), body);
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({
      message: 'Request body too large. Maximum size is 0.5 MB',
      max_size_bytes: 524288,
    });
    // Just under the limit still goes through.
    const fits = JSON.stringify({ folders: ['outputs'] }).padEnd(500 * 1024, ' ');
    expect((await bridgeCall(fx, httpRoute('previewCleanup'), fits)).status).toBe(200);
  });
});

describe('serve: malformed requests', () => {
  it('answers a malformed address with 400, not 404 or 500, and logs no stack trace', async () => {
    fx = await startFixture();
    for (const path of ['/%E0%A4%A', '/assets/%E0%A4%A', '/api/v1/%E0%A4%A', '/%', '/%ff', 'http://[::1']) {
      const res = await rawRequest(fx, { path });
      expect(res.status, path).toBe(400);
      expect(res.json, path).toMatchObject({ ok: false, code: 'invalid-request' });
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
    expect(fx.logged.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('logs an unexpected engine failure (a fault injected at the engine) in one line, without a stack trace', async () => {
    fx = await startFixture();
    fx.engine.getSnapshot = () => Promise.reject(new TypeError('the index vanished'));
    const res = await rawRequest(fx, {
      path: '/api/v1/resources',
      headers: { Authorization: `Bearer ${fx.server.token}` },
    });
    expect(res.status).toBe(500);
    expect(res.body).not.toContain('vanished');
    expect(fx.logged).toHaveLength(1);
    expect(fx.logged[0]).toContain('TypeError: the index vanished');
    expect(fx.logged[0]).not.toContain('\n');
  });
});

describe.skipIf(!RENDERER_BUILT)('serve --max-body-mb (separate process; needs `npm run build`)', () => {
  it('sets the 413 limit, and refuses a limit that is not a positive number', async () => {
    const { dir, cleanup } = await makeTempDir('headroom-body-');
    try {
      await writeFile(
        join(dir, 'config.yaml'),
        'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 5\n',
      );
      const args = ['--config', join(dir, 'config.yaml'), '--data-dir', join(dir, 'data')];
      const served = spawnServe([...args, '--max-body-mb', '2'], { HEADROOM_TOKEN: '' });
      try {
        const url = new URL(httpRoute('previewCleanup'), await served.link());
        const res = await fetch(url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${await served.token()}`, 'Content-Type': 'application/json' },
          body: '{}'.padEnd(3 * 1024 * 1024, ' '),
        });
        expect(res.status).toBe(413);
        expect(await res.json()).toMatchObject({
          message: 'Request body too large. Maximum size is 2.0 MB',
          max_size_bytes: 2 * 1024 * 1024,
        });
      } finally {
        await served.stop();
      }
      const bad = spawnServe([...args, '--max-body-mb', 'lots'], { HEADROOM_TOKEN: '' });
      expect(await bad.exit).toBe(2);
      expect(bad.stderr()).toMatch(/--max-body-mb must be a number/);
    } finally {
      await cleanup();
    }
  });
});
