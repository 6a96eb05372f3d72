/**
 * Hostile requests against a real `headroom serve` (a real engine on temp folders, real HTTP on loopback):
 * every row of the corpus gets its status, error code and a message a person can read, the server never
 * answers 500 or logs an unexpected error, and after the whole corpus it still answers a normal request
 * with the right data and has removed nothing.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeCall, rawRequest, startFixture } from '../integration/serve/serve-fixture.js';
import type { ServeFixture } from '../integration/serve/serve-fixture.js';
import {
  BODY_CASES,
  FOLDER_NAME_CASES,
  ROUTE_CASES,
  TYPE_CASES,
  hostCases,
  tokenCases,
  type ServeCase,
} from './serve-cases.js';

let fx: ServeFixture;
const seenStatuses: number[] = [];
beforeAll(async () => {
  // The cleanup rate limit is not under test here: refused runCleanup rows must not use it up.
  fx = await startFixture({ cleanupsPerMinute: 10_000 });
});
afterAll(() => fx.close());

async function send(c: ServeCase) {
  const method = c.method ?? (c.body === undefined ? 'GET' : 'POST');
  const body =
    c.body === undefined || typeof c.body === 'string' || Buffer.isBuffer(c.body)
      ? (c.body as string | Buffer | undefined)
      : JSON.stringify(c.body);
  const headers: Record<string, string> = { Authorization: `Bearer ${fx.server.token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await rawRequest(fx, { method, path: c.path, headers: { ...headers, ...c.headers }, body });
  seenStatuses.push(res.status);
  return res;
}

function expectRefusal(c: ServeCase, res: Awaited<ReturnType<typeof send>>): void {
  expect(res.status, res.body.slice(0, 300)).toBe(c.status);
  if (c.status === 200) return void expect(res.json).toMatchObject({ ok: true });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const json = res.json as { ok: boolean; code: string; message: string };
  expect(json).toMatchObject({ ok: false, code: c.code });
  expect(json.message).toMatch(c.message);
  expect(json.message).not.toMatch(/\n\s+at |Internal|\[object /);
  // A client without the right to ask learns nothing of what the server holds.
  if (c.code === 'unauthorized') expect(res.body).not.toContain(fx.dir);
}

const rows = (cases: ServeCase[]) => cases.map((c) => [c.name, c] as const);

describe('serve refuses hostile requests with a clear answer', () => {
  it.each(rows(BODY_CASES))('body: %s', async (_n, c) => expectRefusal(c, await send(c)));
  it.each(rows(TYPE_CASES))('wrong type: %s', async (_n, c) => expectRefusal(c, await send(c)));
  it.each(rows(FOLDER_NAME_CASES))('folder name: %s', async (_n, c) => expectRefusal(c, await send(c)));
  it.each(rows(ROUTE_CASES))('route: %s', async (_n, c) => expectRefusal(c, await send(c)));

  it('token: every missing, wrong or misplaced token gets 401 (18 cases)', async () => {
    const cases = tokenCases(fx.server.token);
    expect(cases).toHaveLength(18);
    for (const c of cases) {
      const res = await send(c);
      expect(res.headers['www-authenticate'], c.name).toBe('Bearer');
      expectRefusal(c, res);
    }
  });

  it('Host and Origin: every foreign one is refused before the token is looked at (12 cases)', async () => {
    const cases = hostCases(fx.server.port);
    expect(cases).toHaveLength(12);
    for (const c of cases) expectRefusal(c, await send(c));
  });

  it('after the corpus: no 500, nothing unexpected logged, nothing removed, normal requests answered', async () => {
    const corpusSize =
      BODY_CASES.length + TYPE_CASES.length + FOLDER_NAME_CASES.length + ROUTE_CASES.length + 18 + 12;
    expect(corpusSize).toBeGreaterThanOrEqual(100);
    expect(seenStatuses.length).toBeGreaterThanOrEqual(corpusSize);
    expect(seenStatuses.filter((s) => s >= 500)).toEqual([]);
    expect(fx.logged).toEqual([]);
    expect((await readdir(join(fx.dir, 'outputs'))).sort()).toEqual([
      'new-1.wav',
      'new-2.wav',
      'old-1.wav',
      'old-2.wav',
    ]);
    const snapshot = await bridgeCall(fx, '/api/bridge/getSnapshot');
    expect(snapshot.json).toMatchObject({
      ok: true,
      value: { folders: [{ name: 'outputs', fileCount: 4 }] },
    });
    const preview = await bridgeCall(fx, '/api/bridge/previewCleanup', { folders: ['outputs'] });
    const planned = (preview.json as { value: { folders: { remove: { path: string }[] }[] } }).value;
    expect(planned.folders[0]?.remove.map((r) => r.path).sort()).toEqual(['old-1.wav', 'old-2.wav']);
    const config = await bridgeCall(fx, '/api/bridge/getConfig');
    expect(config.json).toMatchObject({ ok: true, value: { folders: [{ name: 'outputs', max_files: 2 }] } });
  });
});
