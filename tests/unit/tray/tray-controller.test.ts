import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, LEVEL_COLORS } from '../../../electron/main/tray/render-tray-icon.js';
import type { Rgba } from '../../../electron/main/tray/pixel-image.js';
import { TrayController } from '../../../electron/main/tray/tray-controller.js';
import type { TrayControllerDeps } from '../../../electron/main/tray/tray-controller.js';
import {
  FakeEngine,
  FakeTray,
  FakeWindow,
  findItem,
  flush,
  folderStatus,
  ManualClock,
  snapshot,
} from '../main/fakes.js';
import { decodePng } from './decode-png.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

async function setup(overrides: Partial<TrayControllerDeps> = {}, first = snapshot()) {
  const engine = new FakeEngine();
  engine.results.getSnapshot = first;
  const tray = new FakeTray();
  const window = new FakeWindow();
  const clock = new ManualClock(NOW);
  const opened: string[] = [];
  const errors: string[] = [];
  const login = { value: false, get: () => login.value, set: (v: boolean) => void (login.value = v) };
  let quits = 0;
  const controller = new TrayController({
    tray,
    window,
    clock,
    shell: { openPath: async (p) => (opened.push(p), '') },
    loginItem: login,
    app: { quit: () => void quits++ },
    icon: { sizePx: 16, scales: [1, 2], template: false },
    configFile: '/home/me/.config/Headroom/config.yaml',
    reportError: (m) => void errors.push(m),
    ...overrides,
  });
  await controller.attach(engine);
  return { controller, engine, tray, window, clock, opened, errors, login, quits: () => quits };
}

function countColour(png: Buffer, colour: Rgba): number {
  const { data } = decodePng(png);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (
      data[i] === colour.r &&
      data[i + 1] === colour.g &&
      data[i + 2] === colour.b &&
      data[i + 3] === colour.a
    )
      n++;
  }
  return n;
}
const lastIcon = (tray: FakeTray) => tray.images.at(-1)?.representations[0]?.png ?? Buffer.alloc(0);

describe('TrayController (fake electron port, fake engine, manual clock)', () => {
  it('writes one tooltip line per folder in absolute units', async () => {
    const { tray } = await setup();
    expect(tray.tooltips.at(-1)).toBe('Headroom\noutputs 4.1 GB of 5 GB (82%)');
  });

  it('lists each folder against its limit and cleans all or one folder from the menu', async () => {
    const temp = folderStatus({
      name: 'temp',
      usage: { size: null, count: 75, age: null },
      limits: { maxSizeBytes: null, maxFiles: 200, maxAgeDays: null },
      fileCount: 150,
      usagePercent: 75,
    });
    const missing = folderStatus({ name: 'vc_inputs', exists: false, usagePercent: 0 });
    const { tray, engine } = await setup({}, snapshot({ folders: [folderStatus(), temp, missing] }));
    expect(findItem(tray.menu, 'folder:outputs')?.label).toBe('outputs 4.1 GB of 5 GB (82%)');
    expect(findItem(tray.menu, 'folder:temp')?.label).toBe('temp 150 of 200 files (75%)');
    expect(findItem(tray.menu, 'folder:vc_inputs')?.label).toBe('vc_inputs: folder not found');
    expect(findItem(tray.menu, 'clean:vc_inputs')?.enabled).toBe(false);
    findItem(tray.menu, 'clean-all')?.click?.();
    findItem(tray.menu, 'clean:temp')?.click?.();
    expect(engine.calls.filter((c) => c.name === 'runCleanup').map((c) => c.input)).toEqual([
      {},
      { folders: ['temp'] },
    ]);
  });

  it('pauses for an hour or until tomorrow morning, and resumes only when paused', async () => {
    const { tray, engine } = await setup();
    expect(findItem(tray.menu, 'resume')?.enabled).toBe(false);
    findItem(tray.menu, 'pause-1h')?.click?.();
    findItem(tray.menu, 'pause-tomorrow')?.click?.();
    const untils = engine.calls
      .filter((c) => c.name === 'pauseSchedule')
      .map((c) => (c.input as { until: string }).until);
    expect(Date.parse(untils[0] ?? '')).toBe(NOW + 3_600_000);
    const tomorrow = new Date(untils[1] ?? '');
    const expected = new Date(NOW);
    expected.setDate(expected.getDate() + 1);
    expect([tomorrow.getDate(), tomorrow.getHours(), tomorrow.getMinutes()]).toEqual([
      expected.getDate(),
      8,
      0,
    ]);
    const pausedUntil = new Date(NOW + 3_600_000).toISOString();
    engine.emit('snapshot', snapshot({ schedule: { ...snapshot().schedule, pausedUntil } }));
    expect(findItem(tray.menu, 'pause')?.label).toMatch(/^Automatic cleanup paused until /);
    findItem(tray.menu, 'resume')?.click?.();
    expect(engine.calls.at(-1)).toEqual({ name: 'pauseSchedule', input: { until: null } });
  });

  it('says a stopped schedule in the menu where the pause is, and starts it again', async () => {
    const { engine, tray } = await setup();
    expect(findItem(tray.menu, 'start-schedule')).toBeUndefined();
    engine.emit(
      'snapshot',
      snapshot({ schedule: { ...snapshot().schedule, stopped: true, nextRunAt: null } }),
    );
    expect(findItem(tray.menu, 'pause')?.label).toBe('Schedule stopped — cleanups run only when you ask');
    findItem(tray.menu, 'start-schedule')?.click?.();
    expect(engine.calls.at(-1)).toEqual({ name: 'stopSchedule', input: { stopped: false } });
  });

  it('toggles the window on click and opens the dashboard, the preview, the config file; quits', async () => {
    const { tray, window, opened, quits } = await setup();
    tray.click();
    findItem(tray.menu, 'preview')?.click?.();
    findItem(tray.menu, 'open-dashboard')?.click?.();
    findItem(tray.menu, 'open-config')?.click?.();
    findItem(tray.menu, 'quit')?.click?.();
    expect(window.actions).toEqual(['toggle', 'show:preview', 'show:overview']);
    expect(opened).toEqual(['/home/me/.config/Headroom/config.yaml']);
    expect(quits()).toBe(1);
  });

  it('sets the login item from the checkbox and keeps the choice in config.yaml', async () => {
    const { tray, login, engine } = await setup();
    expect(findItem(tray.menu, 'start-at-login')).toMatchObject({ type: 'checkbox', checked: false });
    findItem(tray.menu, 'start-at-login')?.click?.();
    expect(login.value).toBe(true);
    expect(findItem(tray.menu, 'start-at-login')?.checked).toBe(true);
    expect(engine.calls.at(-1)).toEqual({
      name: 'updateConfig',
      input: { settings: { start_at_login: true } },
    });
  });

  it('replaces the icon only when what it shows changes', async () => {
    const { tray, engine } = await setup();
    expect(tray.images).toHaveLength(2); // before the engine answered (empty), then the first snapshot
    expect(tray.images.at(-1)?.representations.map((r) => [r.scale, r.widthPx])).toEqual([
      [1, 16],
      [2, 32],
    ]);
    engine.emit('snapshot', snapshot({ maxUsagePercent: 84 }));
    expect(tray.images).toHaveLength(2);
    engine.emit('snapshot', snapshot({ maxUsagePercent: 104, level: 'over' }));
    expect(tray.images).toHaveLength(3);
    expect(countColour(lastIcon(tray), LEVEL_COLORS.over)).toBeGreaterThan(0);
  });

  it('says a folder is still in its first scan: a badge on the meter and its line in the tooltip', async () => {
    const { tray, engine } = await setup();
    const scanning = folderStatus({
      sizeBytes: 0,
      usagePercent: 0,
      scanning: { filesSoFar: 12_340, bytesSoFar: 1 },
    });
    engine.emit('snapshot', snapshot({ folders: [scanning], maxUsagePercent: 0, level: 'ok' }));
    expect(countColour(lastIcon(tray), BADGE_COLORS.scanning)).toBeGreaterThan(0);
    expect(tray.tooltips.at(-1)).toBe('Headroom\noutputs: scanning… 12,340 files so far');
    engine.emit('snapshot', snapshot());
    expect(countColour(lastIcon(tray), BADGE_COLORS.scanning)).toBe(0);
  });

  it('shows cleaning from cleanupStarted until cleanupFinished', async () => {
    const { tray, engine } = await setup();
    engine.emit('cleanupStarted', { runId: 'r1', trigger: 'manual', folders: ['outputs'] });
    expect(countColour(lastIcon(tray), BADGE_COLORS.cleaning)).toBeGreaterThan(0);
    expect(findItem(tray.menu, 'cancel-cleanup')).toBeDefined();
    expect(tray.tooltips.at(-1)).toMatch(/^Headroom: cleaning…/);
    engine.emit('cleanupFinished', {} as never);
    expect(countColour(lastIcon(tray), BADGE_COLORS.cleaning)).toBe(0);
    expect(findItem(tray.menu, 'clean-now')).toBeDefined();
  });

  it('drops the paused badge when the pause ends, without waiting for a snapshot', async () => {
    const pausedUntil = new Date(NOW + 60_000).toISOString();
    const { tray, clock } = await setup({}, snapshot({ schedule: { ...snapshot().schedule, pausedUntil } }));
    expect(countColour(lastIcon(tray), BADGE_COLORS.paused)).toBeGreaterThan(0);
    clock.advance(61_000);
    expect(countColour(lastIcon(tray), BADGE_COLORS.paused)).toBe(0);
    expect(findItem(tray.menu, 'pause')?.label).toBe('Pause automatic cleanup');
  });

  it('keeps a tray in the error state when the engine could not start', async () => {
    const tray = new FakeTray();
    const controller = new TrayController({
      tray,
      window: new FakeWindow(),
      clock: new ManualClock(NOW),
      shell: { openPath: async () => '' },
      loginItem: { get: () => false, set: () => undefined },
      app: { quit: () => undefined },
      icon: { sizePx: 22, scales: [1], template: false },
      configFile: 'config.yaml',
      reportError: () => undefined,
    });
    controller.showEngineError('config.yaml line 3: max_files must be a number');
    expect(tray.tooltips.at(-1)).toBe(
      'Headroom could not start: config.yaml line 3: max_files must be a number',
    );
    expect(tray.menu.filter((i) => i.id).map((i) => i.id)).toEqual([
      'status',
      'engine-error',
      'open-dashboard', // the dashboard says why too
      'open-config',
      'start-at-login',
      'quit',
    ]);
    expect(countColour(lastIcon(tray), BADGE_COLORS.error)).toBeGreaterThan(0);
  });

  it('reports a failed action in a sentence instead of throwing', async () => {
    const { tray, engine, errors } = await setup();
    engine.failures.runCleanup = new Error('A cleanup is already running.');
    findItem(tray.menu, 'clean-all')?.click?.();
    await flush();
    expect(errors).toEqual(['Cleanup failed: A cleanup is already running.']);
  });

  it('sets the menu again only when its content changed, and lets go of the engine on dispose', async () => {
    const { tray, engine, controller } = await setup();
    const menus = tray.menus.length;
    engine.emit('snapshot', snapshot());
    expect(tray.menus).toHaveLength(menus);
    controller.dispose();
    expect(engine.listenerCount()).toBe(0);
  });
});
