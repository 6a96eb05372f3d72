/**
 * `serve` listens before the first scan ends (issue 17 item 1): with the folder's first scan held at the
 * scan port (a fake at EngineOptions.liveScan running the real scan), the health endpoint answers and the
 * status says the folder is scanning with what it counted; once the scan ends the status fills in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { httpRoute } from '../../../shared/bridge.js';
import type { Snapshot } from '../../../shared/types.js';
import { heldScan } from '../../support/held-scan.js';
import { bridgeCall, rawRequest, startFixture } from './serve-fixture.js';
import type { ServeFixture } from './serve-fixture.js';

let fx: ServeFixture | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});

describe('serve before the first scan ends (scan held at the port)', () => {
  it('answers health and a scanning status, then the measured one', async () => {
    const held = heldScan();
    fx = await startFixture({}, { live: true, liveScan: held.scan });
    const server = fx;
    await held.counted;
    const health = await rawRequest(server, {
      path: '/api/v1/health',
      headers: { Authorization: `Bearer ${server.server.token}` },
    });
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ folders: [{ name: 'outputs', scanning: true }] });
    const snapshot = async () =>
      ((await bridgeCall(server, httpRoute('getSnapshot'))).json as { ok: true; value: Snapshot }).value;
    await expect
      .poll(async () => (await snapshot()).folders[0]?.scanning)
      .toEqual({ filesSoFar: 4, bytesSoFar: 40 });
    held.release();
    await expect.poll(async () => (await snapshot()).folders[0]?.scanning, { timeout: 20_000 }).toBeNull();
    expect((await snapshot()).folders[0]).toMatchObject({ fileCount: 4, sizeBytes: 40, level: 'over' });
  });
});
