/**
 * Floods and slow clients against a real `headroom serve`: SSE streams past the bound, bodies cut off or
 * far too large, headers trickled in (slowloris), no Host header, hundreds of requests at once. The server
 * stays up, stays bounded, and still answers a normal request correctly afterwards.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_MAX_BODY_BYTES } from '../../shared/bridge.js';
import { bridgeCall, rawRequest } from '../integration/serve/serve-fixture.js';
import { startLiveFixture as startFixture } from './live-serve-fixture.js';
import type { ServeFixture } from '../integration/serve/serve-fixture.js';
import { openSse, type SseReader } from '../integration/serve/sse-reader.js';
import { rawExchange, slowClient, truncatedBody } from './raw-socket.js';

let fx: ServeFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

/** The heap after a full collection: `--expose-gc` switched on at run time, so no flag is needed. */
function heapAfterGcBytes(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** What a normal dashboard sees: its folder with the four files of the fixture. */
async function expectNormalAnswer(f: ServeFixture): Promise<void> {
  const res = await bridgeCall(f, '/api/bridge/getSnapshot');
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ ok: true, value: { folders: [{ name: 'outputs', fileCount: 4 }] } });
}

const head = (f: ServeFixture, path: string): string =>
  `POST ${path} HTTP/1.1\r\nHost: ${f.host}\r\nAuthorization: Bearer ${f.server.token}\r\n` +
  'Content-Type: application/json\r\n';

describe('serve under floods and slow clients', () => {
  it('a flood of 300 event streams keeps at most 32 open, ends the oldest, and memory stays bounded', async () => {
    fx = await startFixture();
    const f = fx;
    const open = () => openSse(f.server.port, `/api/events?token=${f.server.token}`, { Host: f.host });
    const first: SseReader[] = [];
    for (let i = 0; i < 100; i++) first.push(await open());
    await Promise.all(first.slice(0, 68).map((r) => r.ended));
    const baselineBytes = heapAfterGcBytes();
    const rest: SseReader[] = [];
    for (let i = 0; i < 200; i++) rest.push(await open());
    await Promise.all([...first.slice(68), ...rest.slice(0, 168)].map((r) => r.ended));

    expect(f.server.eventClients()).toBe(32);
    const newest = rest.slice(168);
    await Promise.all(newest.map((r) => r.waitFor((m) => m.event === 'snapshot')));
    // 200 more streams opened and 200 dropped: what they held was released, not kept.
    expect(heapAfterGcBytes() - baselineBytes).toBeLessThan(8 * 1024 * 1024);
    await expectNormalAnswer(f);
    for (const r of newest) r.close();
    await expect.poll(() => f.server.eventClients(), { timeout: 3_000 }).toBe(0);
  });

  it('50 bodies cut off mid-way and 20 oversized ones leave the server answering, with nothing logged', async () => {
    fx = await startFixture();
    const f = fx;
    const route = '/api/bridge/updateConfig';
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => truncatedBody(f.server.port, head(f, route), 1000, i * 10)),
    );
    const declared = await rawExchange(
      f.server.port,
      `${head(f, route)}Content-Length: 99999999999\r\n\r\n{`,
    );
    expect(declared.reply).toMatch(/^HTTP\/1\.1 413 /);
    const negative = await rawExchange(f.server.port, `${head(f, route)}Content-Length: -5\r\n\r\n{}`);
    expect(negative.reply).toMatch(/^HTTP\/1\.1 400 /);
    const oversized = await Promise.all(
      Array.from({ length: 20 }, () =>
        bridgeCall(f, route, `{"folders": [${'0,'.repeat(HTTP_MAX_BODY_BYTES)}0]}`),
      ),
    );
    expect(oversized.map((r) => r.status)).toEqual(Array(20).fill(413));
    expect(oversized[0]?.json).toMatchObject({ ok: false, code: 'invalid-request' });
    await expectNormalAnswer(f);
    expect(f.logged).toEqual([]);
  });

  it('a request without a Host header is refused: HTTP/1.0 with 421, HTTP/1.1 by Node with 400', async () => {
    fx = await startFixture();
    const auth = `Authorization: Bearer ${fx.server.token}\r\n`;
    const old = await rawExchange(fx.server.port, `GET /api/v1/health HTTP/1.0\r\n${auth}\r\n`);
    expect(old.reply).toMatch(/^HTTP\/1\.1 421 [\s\S]*answers only to its own address/);
    const noHost = await rawExchange(fx.server.port, `GET /api/v1/health HTTP/1.1\r\n${auth}\r\n`);
    expect(noHost.reply).toMatch(/^HTTP\/1\.1 400 /);
  });

  // Bound by the clients' own patience (25 s), not by seconds the server should take: a busy machine may
  // run the server's 1 s connection check late, but only a server that never cuts them lets them give up.
  it('slowloris: 20 clients trickling headers and 20 silent ones are cut off by the server (headersTimeout 10 s), not by their own patience', async () => {
    fx = await startFixture();
    const f = fx;
    const trickling = Array.from({ length: 20 }, (_, i) =>
      slowClient(f.server.port, `GET /api/v1/health HTTP/1.1\r\nHost: ${f.host}\r\n`, {
        trickle: `X-Slow-${i}: a\r\n`,
        everyMs: 500,
        giveUpMs: 25_000,
      }),
    );
    const silent = Array.from({ length: 20 }, () => slowClient(f.server.port, '', { giveUpMs: 25_000 }));
    // While they hang on, everyone else is still served.
    await expectNormalAnswer(f);
    const cut = await Promise.all([...trickling, ...silent]);
    for (const client of cut) {
      expect(client.closedAfterMs).toBeGreaterThan(9_000);
      expect(client.closedAfterMs, 'the server closed it before the client gave up').toBeLessThan(Infinity);
    }
    expect(cut.slice(0, 20).every((c) => c.reply.startsWith('HTTP/1.1 408 '))).toBe(true);
    await expectNormalAnswer(f);
  }, 60_000);

  it('300 concurrent requests of every kind are all answered correctly', async () => {
    fx = await startFixture();
    const f = fx;
    const kinds = [
      () => bridgeCall(f, '/api/bridge/getSnapshot'),
      () => bridgeCall(f, '/api/bridge/getHistory', { limit: 5 }),
      () => bridgeCall(f, '/api/bridge/getConfig'),
      () =>
        rawRequest(f, { path: '/api/v1/resources', headers: { Authorization: `Bearer ${f.server.token}` } }),
      () => bridgeCall(f, '/api/bridge/previewCleanup', { folders: ['../etc'] }),
    ];
    // A preview scans the folder afresh (a worker thread each), so only a few of those join the crowd.
    const previews = Array.from({ length: 10 }, () =>
      bridgeCall(f, '/api/bridge/previewCleanup', { folders: ['outputs'] }),
    );
    const answers = await Promise.all(Array.from({ length: 290 }, (_, i) => kinds[i % kinds.length]!()));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((_, i) => i % kinds.length !== 4)).toEqual(Array(232).fill(200));
    expect(statuses.filter((_, i) => i % kinds.length === 4)).toEqual(Array(58).fill(400));
    for (const snapshot of answers.filter((_, i) => i % kinds.length === 0)) {
      expect(snapshot.json).toMatchObject({ value: { folders: [{ name: 'outputs', fileCount: 4 }] } });
    }
    for (const preview of await Promise.all(previews)) {
      expect(preview.json).toMatchObject({ value: { folders: [{ name: 'outputs', bytesToFree: 20 }] } });
    }
    await expectNormalAnswer(f);
    expect(f.logged).toEqual([]);
  });
});
