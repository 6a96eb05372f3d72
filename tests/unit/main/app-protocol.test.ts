import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, resolveAppAsset, serveAppAsset } from '../../../electron/main/app-protocol.js';
import { makeTempDir } from '../../support/make-tree.js';

let dir: string;
let rendererDir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-app-protocol-'));
  dir = await realpath(dir);
  rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Headroom</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(join(dir, 'secret.txt'), 'not the dashboard');
  await symlink(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'link.js'));
});
afterEach(() => cleanup());

describe('app:// protocol (real renderer folder)', () => {
  it('serves the page and its assets with their type and the CSP', async () => {
    const page = await serveAppAsset(rendererDir, { url: APP_INDEX_URL }, "default-src 'self'");
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await page.text()).toMatch(/<title>Headroom/);
    const script = await serveAppAsset(rendererDir, { url: 'app://headroom/assets/app.js' }, '');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the renderer folder, from another host, or a folder', async () => {
    for (const url of [
      'app://headroom/../secret.txt',
      'app://headroom/%2e%2e/secret.txt',
      'app://headroom/..%2fsecret.txt',
      'app://headroom/assets%5c..%5c..%5csecret.txt',
      'app://headroom/assets/link.js',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://headroom/assets',
      'app://headroom/%E0%A4%A',
    ]) {
      expect(await resolveAppAsset(rendererDir, url), url).toBeNull();
    }
    expect((await serveAppAsset(rendererDir, { url: 'app://headroom/nope.js' }, '')).status).toBe(404);
  });
});
