/**
 * The running cleanup's view of the configuration (DESIGN.md invariant 4), against a real ConfigStore:
 * a change to the folder's rules is announced and read back; a change elsewhere is not; a disabled or
 * moved folder reads as gone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveFolderRules } from '../../../electron/engine/cleanup/live-folder-rules.js';
import { ConfigStore } from '../../../electron/engine/config/config-store.js';
import { makeConfigWorld, type ConfigWorld } from './config-fixture.js';

let world: ConfigWorld;
beforeEach(async () => {
  world = await makeConfigWorld();
});
afterEach(() => world.cleanup());

const TEXT = `folders:
  - name: outputs
    path: outputs
    max_size_gb: 5.0
  - name: temp
    path: temp
    max_files: 200
`;

async function setUp() {
  await world.write(TEXT);
  const store = await ConfigStore.open(world.file(), world.ctx);
  const atStart = store.current()!.config.folders[0]!;
  const live = liveFolderRules(store, atStart);
  let changes = 0;
  live.onChange(() => changes++);
  return { store, live, changes: () => changes };
}

const outputs = { name: 'outputs', path: 'outputs', max_size_gb: 5 };
const temp = { name: 'temp', path: 'temp', max_files: 200 };

describe('liveFolderRules over a real ConfigStore', () => {
  it('announces a protect pattern added to the folder, and reads it back', async () => {
    const { store, live, changes } = await setUp();
    await store.update({ folders: [{ ...outputs, protect: ['*'] }, temp] });
    expect(changes()).toBe(1);
    expect(live.current()?.protect).toEqual(['*']);
  });

  it('stays quiet when another folder or a setting changes', async () => {
    const { store, changes } = await setUp();
    await store.update({ folders: [outputs, { ...temp, max_files: 300 }] });
    await store.update({ settings: { warning_threshold_percent: 70 } });
    expect(changes()).toBe(0);
  });

  it('reads a disabled, moved or removed folder as gone', async () => {
    const { store, live, changes } = await setUp();
    await store.update({ folders: [{ ...outputs, enabled: false }, temp] });
    expect(live.current()).toBeNull();
    await store.update({ folders: [{ ...outputs, path: 'elsewhere' }, temp] });
    expect(live.current()).toBeNull();
    await store.update({ folders: [temp] });
    expect(live.current()).toBeNull();
    expect(changes()).toBe(1);
  });
});
