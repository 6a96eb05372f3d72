import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigStore, type ConfigChange } from '../../../electron/engine/config/config-store.js';
import { BridgeError } from '../../../shared/bridge.js';
import { issuesByField } from '../../../shared/config-fields.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

const GOOD = `# my limits
warning_threshold_percent: 70   # warn early
folders:
  # the TTS output
  - name: outputs
    path: outputs
    max_size_gb: 5.0   # plenty
  # scratch space
  - name: temp
    path: temp
    max_files: 200
`;

async function open(text = GOOD): Promise<ConfigStore> {
  await world.write(text);
  return ConfigStore.open(world.file(), world.ctx);
}

async function rejection(promise: Promise<unknown>): Promise<BridgeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BridgeError)) throw new Error(`expected a BridgeError, got ${String(error)}`);
  return error;
}

describe('ConfigStore: loading and reloading', () => {
  it('opens a valid file: current config, no error, a view with defaults filled in', async () => {
    const store = await open();
    expect(store.error()).toBeNull();
    expect(store.current()?.config.folders.map((f) => f.path)).toEqual([
      path.join(world.project, 'outputs'),
      path.join(world.project, 'temp'),
    ]);
    const view = store.view();
    expect(view.settings).toMatchObject({
      warning_threshold_percent: 70,
      cleanup_interval_hours: 5,
      notifications: true,
    });
    expect(view.folders[1]).toEqual({ name: 'temp', path: 'temp', max_files: 200 });
    expect(view.text).toBe(GOOD);
    expect(view.foldersEditable).toBe(true);
    expect(view.source).toEqual({ file: world.file(), kind: 'headroom' });
  });

  it('keeps the last good config when a reload finds an invalid file, and recovers when it is fixed', async () => {
    const store = await open();
    const changes: ConfigChange[] = [];
    store.onChange((c) => changes.push(c));
    await world.write(GOOD.replace('max_files: 200', 'max_files: -3'));
    await store.reload();
    expect(store.current()?.config.folders[1]?.maxFiles).toBe(200);
    expect(store.error()).toMatchObject({ usingLastGood: true, issues: [{ line: 11, col: 16 }] });
    expect(store.view().text).toContain('max_files: -3');
    await world.write(GOOD.replace('max_files: 200', 'max_files: 50'));
    await store.reload();
    expect(store.error()).toBeNull();
    expect(store.current()?.config.folders[1]?.maxFiles).toBe(50);
    expect(
      changes.map((c) => [c.error?.usingLastGood ?? null, c.current?.config.folders[1]?.maxFiles]),
    ).toEqual([
      [true, 200],
      [null, 50],
    ]);
  });

  it('starts with no config and an error when the file is invalid or missing', async () => {
    const store = await open('folders: [');
    expect(store.current()).toBeNull();
    expect(store.error()?.usingLastGood).toBe(false);
    const missing = await ConfigStore.open(path.join(world.project, 'nope.yaml'), world.ctx);
    expect(missing.error()?.issues).toEqual([
      expect.objectContaining({ line: null, message: 'the config file does not exist' }),
    ]);
  });

  it('stops calling a listener once its disposer ran', async () => {
    const store = await open();
    let calls = 0;
    const dispose = store.onChange(() => calls++);
    await store.reload();
    dispose();
    await store.reload();
    expect(calls).toBe(1);
  });
});

describe('ConfigStore.update', () => {
  it('changes a setting and a limit in place, leaving every other byte as it was', async () => {
    const store = await open();
    const changes: ConfigChange[] = [];
    store.onChange((c) => changes.push(c));
    const view = await store.update({
      settings: { ...store.view().settings, warning_threshold_percent: 90 },
      folders: store.view().folders.map((f) => (f.name === 'outputs' ? { ...f, max_size_gb: 7.5 } : f)),
    });
    const expected = GOOD.replace('percent: 70', 'percent: 90').replace(
      'max_size_gb: 5.0',
      'max_size_gb: 7.5',
    );
    expect(await fs.readFile(world.file(), 'utf8')).toBe(expected);
    expect(view.text).toBe(expected);
    expect(view.settings.warning_threshold_percent).toBe(90);
    expect(store.current()?.config.folders[0]?.maxSizeBytes).toBe(7.5 * 1024 ** 3);
    expect(changes).toHaveLength(1);
  });

  it('matches folders by name: comments of kept folders survive, new ones are appended, removed ones go', async () => {
    const store = await open();
    await store.update({
      folders: [
        { name: 'temp', path: 'temp', max_files: 100, max_age_days: 3 },
        { name: 'cache', path: 'cache', max_size_gb: 1, exclude: ['*.keep'] },
      ],
    });
    const text = await fs.readFile(world.file(), 'utf8');
    expect(text).toContain('# my limits');
    expect(text).toContain('# scratch space');
    expect(text).toContain('warning_threshold_percent: 70 # warn early');
    expect(text).not.toContain('outputs');
    expect(store.current()?.config.folders.map((f) => [f.name, f.maxFiles, f.maxAgeDays])).toEqual([
      ['temp', 100, 3],
      ['cache', null, null],
    ]);
    expect(store.view().folders[1]).toEqual({
      name: 'cache',
      path: 'cache',
      max_size_gb: 1,
      exclude: ['*.keep'],
    });
  });

  it('deletes keys a folder no longer has', async () => {
    const store = await open(GOOD.replace('max_files: 200', 'max_files: 200\n    max_age_days: 2'));
    await store.update({
      folders: [store.view().folders[0]!, { name: 'temp', path: 'temp', max_files: 200 }],
    });
    expect(await fs.readFile(world.file(), 'utf8')).not.toContain('max_age_days');
    expect(store.current()?.config.folders[1]?.maxAgeDays).toBeNull();
  });

  it('refuses an invalid result with FILE:LINE:COL text and leaves the file alone', async () => {
    const store = await open();
    const bad = await rejection(
      store.update({ folders: [{ name: 'outputs', path: '/etc/outputs', max_size_gb: 1 }] }),
    );
    expect(bad.code).toBe('config-invalid');
    expect(bad.message).toBe(
      `${world.file()}:6:11: outputs cannot be managed because it is inside a system folder`,
    );
    const negative = await rejection(store.update({ settings: { cleanup_interval_hours: -1 } }));
    expect(negative.code).toBe('config-invalid');
    expect(negative.message).toContain('cleanup_interval_hours must be 0 (off) or more');
    expect(await fs.readFile(world.file(), 'utf8')).toBe(GOOD);
    expect(store.error()).toBeNull();
  });

  it('names the field of each refusal, in the words the settings form uses (issue 12)', async () => {
    const store = await open();
    const outputs = store.view().folders[0]!;
    const badPath = await rejection(
      store.update({ folders: [outputs, { name: 'temp', path: '/etc/temp', max_files: 200 }] }),
    );
    expect(issuesByField(badPath.issues)).toEqual({
      'folders.1.path': 'temp cannot be managed because it is inside a system folder',
    });
    const badSetting = await rejection(store.update({ settings: { cleanup_interval_hours: -1 } }));
    expect(issuesByField(badSetting.issues)).toEqual({
      'settings.cleanup_interval_hours': 'Clean up every (hours, 0 = off) must be 0 (off) or more',
    });
    expect(await fs.readFile(world.file(), 'utf8')).toBe(GOOD);
  });

  it('edits the file as it is on disk now, not as it was last loaded', async () => {
    const store = await open();
    await world.write(GOOD.replace('# scratch space', '# scratch space, edited by hand'));
    await store.update({ settings: { notifications: false } });
    const text = await fs.readFile(world.file(), 'utf8');
    expect(text).toContain('# scratch space, edited by hand');
    expect(text).toContain('notifications: false');
  });

  it('runs concurrent updates one after the other, so neither is lost', async () => {
    const store = await open();
    await Promise.all([
      store.update({ settings: { notifications: false } }),
      store.update({ settings: { start_at_login: true } }),
    ]);
    expect(store.current()?.config).toMatchObject({ notifications: false, startAtLogin: true });
  });

  it('refuses to edit a file YAML cannot read with the same FILE:LINE:COL issues its loading shows', async () => {
    for (const text of ['folders: *missing\n', '- outputs\n- temp\n', 'folders: [\n']) {
      const store = await open(text);
      const loaded = store.error()?.issues ?? [];
      expect(loaded.length).toBeGreaterThan(0);
      const refused = await rejection(store.update({ settings: { notifications: false } }));
      expect(refused.code).toBe('config-invalid');
      expect(refused.issues).toEqual(loaded);
      expect(refused.message).toMatch(
        new RegExp(`^${world.file().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `),
      );
      expect(await fs.readFile(world.file(), 'utf8')).toBe(text);
    }
  });

  it('can repair an invalid file through an update', async () => {
    const store = await open(GOOD.replace('max_files: 200', 'max_files: 0'));
    expect(store.current()).toBeNull();
    await store.update({ folders: [{ name: 'temp', path: 'temp', max_files: 10 }] });
    expect(store.error()).toBeNull();
    expect(store.current()?.config.folders).toHaveLength(1);
  });
});
