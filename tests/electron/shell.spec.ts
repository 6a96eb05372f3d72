/**
 * The Electron shell, launched for real: the dashboard window is locked down and `window.headroom` is exactly
 * the bridge. Needs `npm run build` first and an Electron binary; skips (saying why) where there is none.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { REQUEST_NAMES } from '../../shared/bridge.js';
import { ELECTRON_SKIP_REASON, findElectronBinary } from './electron-binary.js';

/** The page's globals the tests touch (this file is typed for Node, without the DOM library). */
interface PageGlobals {
  headroom: Record<string, unknown> & { getSnapshot(): Promise<{ ok: boolean }> };
  location: { href: string };
  open(url: string): unknown;
  eval(code: string): unknown;
  [name: string]: unknown;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary();

test.skip(binary === null, ELECTRON_SKIP_REASON);

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'headroom-electron-'));
  app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [root],
    env: { ...process.env, HEADROOM_USER_DATA_DIR: userData },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

test('window.headroom is exactly the bridge API, functions only', async () => {
  const api = await page.evaluate(() => {
    const bridge = (globalThis as unknown as PageGlobals).headroom;
    return Object.entries(bridge).map(([name, value]) => [name, typeof value]);
  });
  expect(api.map(([name]) => name).sort()).toEqual([...REQUEST_NAMES, 'on'].sort());
  expect(api.every(([, type]) => type === 'function')).toBe(true);
});

test('the page has no Node: context isolation, no node integration', async () => {
  const globals = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return { require: typeof w.require, process: typeof w.process, ipc: typeof w.ipcRenderer };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipc: 'undefined' });
});

test('the renderer process is sandboxed where the OS reports it', async () => {
  const metrics = await app.evaluate(({ app: electronApp }) =>
    electronApp
      .getAppMetrics()
      .filter((m) => m.type === 'Tab')
      .map((m) => m.sandboxed),
  );
  for (const sandboxed of metrics) if (sandboxed !== undefined) expect(sandboxed).toBe(true);
});

test('navigation, new windows and eval are blocked; a bridge call answers with a BridgeResult', async () => {
  const before = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(
    await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null),
  ).toBe(true);
  expect(
    await page.evaluate(() => {
      try {
        return (globalThis as unknown as PageGlobals).eval('1 + 1');
      } catch {
        return 'blocked';
      }
    }),
  ).toBe('blocked');
  const result = await page.evaluate(() => (globalThis as unknown as PageGlobals).headroom.getSnapshot());
  expect(typeof result.ok).toBe('boolean');
  expect(app.windows()).toHaveLength(1);
});

test('the removal addon that npm ci built for Node loads in Electron’s main process (node-api, no rebuild)', async () => {
  const addon = join(root, 'native', 'build', 'Release', 'headroom_fs.node');
  const exported = await app.evaluate((_electron, file) => {
    const module = { exports: {} as Record<string, unknown> };
    process.dlopen(module, file);
    return Object.keys(module.exports).sort();
  }, addon);
  expect(exported).toEqual(
    [
      'closeFd',
      'mkdirAt',
      'openDir',
      'openDirAt',
      'readDirAt',
      'renameNoReplace',
      'rmdirAt',
      'statAt',
      'unlinkAt',
      'writeNewFileAt',
    ].sort(),
  );
});

test('the page comes from app://headroom/, never file://, and the first bridge call has a handler', async () => {
  expect(page.url()).toMatch(/^app:\/\/headroom\/index\.html/);
  const first = await page.evaluate(() => (globalThis as unknown as PageGlobals).headroom.getSnapshot());
  // Answered by the gate ('starting' while the engine scans) or the engine: never "No handler registered".
  expect(first.ok || (first as unknown as { code: string }).code === 'starting').toBe(true);
});

test('launched by the user, the dashboard is shown; on Windows and Linux without the default menu', async () => {
  const state = await app.evaluate(({ BrowserWindow, Menu }) => ({
    visible: BrowserWindow.getAllWindows().map((w) => w.isVisible()),
    menu: Menu.getApplicationMenu() === null,
    platform: process.platform,
  }));
  expect(state.visible).toEqual([true]);
  if (state.platform !== 'darwin') expect(state.menu).toBe(true);
});

test('launched at login (--hidden), only the tray: the window stays hidden where a tray host exists', async () => {
  const hiddenData = await mkdtemp(join(tmpdir(), 'headroom-electron-hidden-'));
  const hidden = await electron.launch({
    executablePath: binary ?? undefined,
    args: [root, '--hidden'],
    env: { ...process.env, HEADROOM_USER_DATA_DIR: hiddenData },
  });
  try {
    await hidden.firstWindow();
    const visible = await hidden.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => w.isVisible()),
    );
    // Linux without a StatusNotifier host opens the window on purpose (README "Desktop integration").
    if (process.platform !== 'linux') expect(visible).toEqual([false]);
  } finally {
    await hidden.close();
    await rm(hiddenData, { recursive: true, force: true });
  }
});
