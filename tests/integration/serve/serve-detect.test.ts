/**
 * detectFolders and addDetectedFolders over serve's HTTP bridge: validated like every request, and a
 * folder is added only by an id the engine issued, never by a path the client sends (invariant 6).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRoute } from '../../../shared/bridge.js';
import { bridgeCall, startFixture, type ServeFixture } from './serve-fixture.js';

let fx: ServeFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe('serve: the found-folders requests', () => {
  it('detectFolders answers a DetectResult; extra input is refused', async () => {
    fx = await startFixture();
    const ok = await bridgeCall(fx, httpRoute('detectFolders'), {});
    expect(ok.status).toBe(200);
    const body = JSON.parse(ok.body) as { ok: boolean; value: { proposals: unknown[]; canAdd: boolean } };
    expect(body.ok).toBe(true);
    expect(Array.isArray(body.value.proposals)).toBe(true);
    const withPath = await bridgeCall(fx, httpRoute('detectFolders'), { in: ['/etc'] });
    expect(withPath.status).toBe(400);
    expect(JSON.parse(withPath.body)).toMatchObject({ ok: false, code: 'invalid-request' });
  });

  it('addDetectedFolders refuses paths and ids it never issued, and leaves the config alone', async () => {
    fx = await startFixture();
    const before = await readFile(join(fx.dir, 'config.yaml'), 'utf8');
    const byPath = await bridgeCall(fx, httpRoute('addDetectedFolders'), { ids: ['/home/u/ComfyUI/output'] });
    expect(byPath.status).toBe(400);
    expect(JSON.parse(byPath.body)).toMatchObject({
      ok: false,
      code: 'invalid-request',
      message: 'addDetectedFolders: ids.0: each id must be one detectFolders issued',
    });
    const extra = await bridgeCall(fx, httpRoute('addDetectedFolders'), {
      ids: ['0123456789abcdef'],
      path: '/x',
    });
    expect(extra.status).toBe(400);
    const unknown = await bridgeCall(fx, httpRoute('addDetectedFolders'), { ids: ['0123456789abcdef'] });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await readFile(join(fx.dir, 'config.yaml'), 'utf8')).toBe(before);
  });
});
