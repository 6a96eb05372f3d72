import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startFixture } from './serve-fixture.js';
import type { ServeFixture } from './serve-fixture.js';

let fx: ServeFixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => fx.close());

describe('serve: the built dashboard', () => {
  it('serves index.html at / with a strict CSP, nosniff and no framing, without a token', async () => {
    const res = await rawRequest(fx, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>dash</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('serves assets with their content type; HEAD has no body', async () => {
    const js = await rawRequest(fx, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app");');
    const head = await rawRequest(fx, { method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await rawRequest(fx, { method: 'POST', path: '/index.html' })).status).toBe(405);
  });

  it('lists no directories and answers missing files with 404', async () => {
    for (const path of ['/assets', '/assets/', '/missing.js']) {
      const res = await rawRequest(fx, { path });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('app.js');
    }
  });

  it('never serves a file outside the renderer folder, however the path is spelled', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/index.html%00.js',
      '//etc/passwd',
      '/../package.json',
    ];
    for (const path of attempts) {
      const res = await rawRequest(fx, { path });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('outside the renderer');
    }
  });
});
