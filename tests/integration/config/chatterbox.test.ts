import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigStore } from '../../../electron/engine/config/config-store.js';
import { loadConfigFile, parseConfigText } from '../../../electron/engine/config/load-config.js';
import { BridgeError } from '../../../shared/bridge.js';
import { formatConfigIssue } from '../../../shared/config-issue.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

/** Shaped like Chatterbox TTS Extended Plus's config.yaml: its own sections plus the cleanup block. */
const CHATTERBOX = `# Chatterbox settings
server:
  host: "127.0.0.1"   # local only
  port: 7860
paths:
  output_dir: "outputs"
  temp_dir: "temp"
models:
  device: "auto"
resource_management:
  cleanup:
    output_dir_max_size_gb: 5.0          # 5GB for outputs/
    temp_dir_max_files: 200              # at most 200 files
    temp_dir_max_age_days: 7
    vc_inputs_max_size_gb: 2.0
    cleanup_on_startup: true
    cleanup_interval_hours: 5            # every 5 hours
    warning_threshold_percent: 80
`;

describe('a Chatterbox config.yaml', () => {
  it('is read as outputs/, temp/ and vc_inputs/ beside the file, with its settings', async () => {
    const result = await loadConfigFile(await world.write(CHATTERBOX), world.ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.source).toEqual({ file: world.file(), kind: 'chatterbox' });
    expect(result.config).toMatchObject({
      warningThresholdPercent: 80,
      cleanupOnStartup: true,
      cleanupIntervalHours: 5,
    });
    expect(
      result.config.folders.map((f) => [f.name, f.path, f.maxSizeBytes, f.maxFiles, f.maxAgeDays]),
    ).toEqual([
      ['outputs', path.join(world.project, 'outputs'), 5 * 1024 ** 3, null, null],
      ['temp', path.join(world.project, 'temp'), null, 200, 7],
      ['vc_inputs', path.join(world.project, 'vc_inputs'), 2 * 1024 ** 3, null, null],
    ]);
  });

  it("follows Chatterbox's paths: block and falls back to Chatterbox's defaults for missing keys", async () => {
    const text =
      'paths:\n  output_dir: gen/audio\nresource_management:\n  cleanup:\n    temp_dir_max_files: 50\n';
    const result = await parseConfigText(text, world.file(), world.ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.config.folders.map((f) => [f.path, f.maxSizeBytes, f.maxFiles, f.maxAgeDays])).toEqual([
      [path.join(world.project, 'gen', 'audio'), 5 * 1024 ** 3, null, null],
      [path.join(world.project, 'temp'), null, 50, 7],
      [path.join(world.project, 'vc_inputs'), 2 * 1024 ** 3, null, null],
    ]);
  });

  it('reports unknown and invalid keys inside the cleanup block, with positions', async () => {
    const text = CHATTERBOX.replace('temp_dir_max_files: 200', 'temp_dir_max_file: 200').replace(
      'vc_inputs_max_size_gb: 2.0',
      'vc_inputs_max_size_gb: -2',
    );
    const result = await parseConfigText(text, world.file(), world.ctx);
    if (result.ok) throw new Error('expected errors');
    expect(result.error.issues.map((i) => formatConfigIssue(i).slice(world.file().length + 1))).toEqual([
      '13:5: unknown key temp_dir_max_file; did you mean temp_dir_max_files?',
      '15:28: vc_inputs_max_size_gb must be greater than 0',
    ]);
  });

  it('refuses a resource_management block without cleanup:', async () => {
    const result = await parseConfigText('resource_management:\n  monitor: true\n', world.file(), world.ctx);
    expect(!result.ok && result.error.issues.map((i) => [i.line, i.message])).toEqual([
      [2, 'resource_management must hold a cleanup: block of limits for Headroom to read'],
    ]);
  });

  it("reads cleanup_interval_hours: 0 (Chatterbox's off switch) as scheduled cleanup off", async () => {
    const text = CHATTERBOX.replace('cleanup_interval_hours: 5 ', 'cleanup_interval_hours: 0 ');
    const result = await parseConfigText(text, world.file(), world.ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.config.cleanupIntervalHours).toBeNull();
    expect(result.warnings).toEqual([]);
  });

  it('ties a refused folder to its paths: entry', async () => {
    const text = CHATTERBOX.replace('output_dir: "outputs"', 'output_dir: "/usr/share"');
    const result = await parseConfigText(text, world.file(), world.ctx);
    expect(!result.ok && result.error.issues.map((i) => [i.line, i.col, i.message])).toEqual([
      [6, 15, 'outputs cannot be managed because it is inside a system folder'],
    ]);
  });
});

describe('ConfigStore with a Chatterbox config', () => {
  it('writes settings and limits back to the cleanup block, and the comments that state them (issue 15), touching nothing else', async () => {
    const store = await ConfigStore.open(await world.write(CHATTERBOX), world.ctx);
    const before = store.view();
    expect(before.foldersEditable).toBe(false);
    const view = await store.update({
      settings: { ...before.settings, cleanup_interval_hours: 12, warning_threshold_percent: 75 },
      folders: before.folders.map((f) => (f.name === 'temp' ? { ...f, max_files: 500 } : f)),
    });
    const expected = CHATTERBOX.replace('temp_dir_max_files: 200 ', 'temp_dir_max_files: 500 ')
      .replace('# at most 200 files', '# at most 500 files')
      .replace('cleanup_interval_hours: 5 ', 'cleanup_interval_hours: 12 ')
      .replace('# every 5 hours', '# every 12 hours')
      .replace('warning_threshold_percent: 80', 'warning_threshold_percent: 75');
    expect(await fs.readFile(world.file(), 'utf8')).toBe(expected);
    expect(view.source.kind).toBe('chatterbox');
    expect(store.current()?.config.folders[1]?.maxFiles).toBe(500);
  });

  it('refuses what the cleanup block cannot hold with config-readonly, leaving the file alone', async () => {
    const store = await ConfigStore.open(await world.write(CHATTERBOX), world.ctx);
    const folders = store.view().folders;
    const attempts = [
      { folders: [...folders, { name: 'cache', path: 'cache', max_files: 1 }] },
      { folders: folders.filter((f) => f.name !== 'temp') },
      { folders: folders.map((f) => (f.name === 'outputs' ? { ...f, name: 'out' } : f)) },
      { folders: folders.map((f) => (f.name === 'outputs' ? { ...f, path: 'elsewhere' } : f)) },
      { folders: folders.map((f) => (f.name === 'outputs' ? { ...f, max_files: 9 } : f)) },
      { folders: folders.map((f) => (f.name === 'temp' ? { ...f, max_age_days: undefined } : f)) },
      { settings: { free_space_floor_percent: 20 } },
    ];
    for (const patch of attempts) {
      const error = await store.update(patch).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(patch)).toBeInstanceOf(BridgeError);
      expect((error as BridgeError).code).toBe('config-readonly');
    }
    expect(await fs.readFile(world.file(), 'utf8')).toBe(CHATTERBOX);
  });
});
