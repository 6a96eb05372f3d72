import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_EVENTS_ROUTE, httpRoute } from '../../../shared/bridge.js';
import type { RunRecord, Snapshot } from '../../../shared/types.js';
import { bridgeCall, startFixture } from './serve-fixture.js';
import type { ServeFixture } from './serve-fixture.js';
import { openSse } from './sse-reader.js';
import type { SseReader } from './sse-reader.js';

let fx: ServeFixture | undefined;
const readers: SseReader[] = [];
afterEach(async () => {
  for (const reader of readers.splice(0)) reader.close();
  await fx?.close();
  fx = undefined;
});

async function events(f: ServeFixture, query = `?token=${f.server.token}`, headers = {}): Promise<SseReader> {
  const reader = await openSse(f.server.port, HTTP_EVENTS_ROUTE + query, { Host: f.host, ...headers });
  readers.push(reader);
  return reader;
}

describe('serve: server-sent events', () => {
  it('needs the token (401 without, 401 wrong), in the query or as a bearer header', async () => {
    fx = await startFixture();
    expect((await events(fx, '')).status).toBe(401);
    expect((await events(fx, '?token=nope')).status).toBe(401);
    const viaHeader = await events(fx, '', { Authorization: `Bearer ${fx.server.token}` });
    expect(viaHeader.status).toBe(200);
  });

  it('sends a snapshot first, then the cleanup events of a run started over the bridge', async () => {
    fx = await startFixture();
    const reader = await events(fx);
    expect(reader.status).toBe(200);
    const first = await reader.waitFor((m) => !m.event.startsWith(':'));
    expect(first.event).toBe('snapshot');
    expect((JSON.parse(first.data) as Snapshot).folders[0]).toMatchObject({ name: 'outputs', fileCount: 4 });

    const run = await bridgeCall(fx, httpRoute('runCleanup'), { folders: ['outputs'] });
    expect(run.status).toBe(200);
    const finished = await reader.waitFor((m) => m.event === 'cleanupFinished');
    const record = JSON.parse(finished.data) as RunRecord;
    expect(record.filesRemoved).toBe(2);
    expect(record.folders[0]?.removed.map((r) => r.path).sort()).toEqual(['old-1.wav', 'old-2.wav']);
    expect(existsSync(join(fx.dir, 'outputs', 'old-1.wav'))).toBe(false);
    expect(existsSync(join(fx.dir, 'outputs', 'new-1.wav'))).toBe(true);
    const names = reader.messages.map((m) => m.event).filter((e) => !e.startsWith(':'));
    expect(names.indexOf('cleanupStarted')).toBeGreaterThan(names.indexOf('snapshot'));
  });

  it('sends heartbeat comments', async () => {
    fx = await startFixture({ heartbeatMs: 50 });
    const reader = await events(fx);
    const beat = await reader.waitFor((m) => m.event === ':comment' && m.data === 'heartbeat');
    expect(beat).toBeDefined();
  });

  it('keeps at most maxEventClients streams, closing the oldest first', async () => {
    fx = await startFixture({ maxEventClients: 3 });
    const opened: SseReader[] = [];
    for (let i = 0; i < 5; i++) {
      const reader = await events(fx);
      await reader.waitFor((m) => m.event === 'snapshot');
      opened.push(reader);
    }
    // The two oldest were ended by the server; the three newest still get events.
    await Promise.all([opened[0]?.ended, opened[1]?.ended]);
    await bridgeCall(fx, httpRoute('runCleanup'), { dryRun: true });
    for (const reader of opened.slice(2)) {
      await reader.waitFor((m) => m.event === 'cleanupFinished');
    }
    expect(opened[0]?.messages.some((m) => m.event === 'cleanupFinished')).toBe(false);
  });

  it('forgets a client when it disconnects, and ends every stream on close', async () => {
    fx = await startFixture();
    const gone = await events(fx);
    const kept = await events(fx);
    await Promise.all([gone, kept].map((r) => r.waitFor((m) => m.event === 'snapshot')));
    expect(fx.server.eventClients()).toBe(2);
    gone.close();
    await gone.ended;
    await expect.poll(() => fx?.server.eventClients(), { timeout: 2_000 }).toBe(1);
    await fx.server.close();
    await kept.ended;
    expect(fx.server.eventClients()).toBe(0);
  });
});
