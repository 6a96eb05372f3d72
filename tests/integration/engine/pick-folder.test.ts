/**
 * The desktop app's folder picker (issue 15 item 5): the engine asks its `pickFolder` port (Electron's
 * dialog, faked at that port in this test) and hands back a one-time handle; a save names the handle and the
 * engine writes the path it kept. A handle never issued, used once already or older than 5 minutes is
 * refused in a sentence, and config.yaml is left as it was. Real temp folders; the clock is faked at its port.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PICKED_FOLDER_TTL_MS } from '../../../electron/engine/config/picked-folders.js';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import { systemClock, type Clock } from '../../../electron/engine/ports.js';
import { BridgeError } from '../../../shared/bridge.js';
import { makeTempDir } from '../../support/make-tree.js';

let engine: Engine | null = null;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
  await cleanup?.();
});

const CONFIG = 'folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 100\n';

async function setup(pick: (() => Promise<string | null>) | undefined) {
  const temp = await makeTempDir('headroom-pick-');
  cleanup = temp.cleanup;
  await mkdir(join(temp.dir, 'outputs'));
  const renders = join(temp.dir, 'renders');
  await mkdir(renders);
  const configFile = join(temp.dir, 'config.yaml');
  await writeFile(configFile, CONFIG);
  let offsetMs = 0;
  const clock: Clock = { ...systemClock, now: () => systemClock.now() + offsetMs };
  engine = await createEngine({
    dataDir: join(temp.dir, 'data'),
    configFile,
    clock,
    log: () => {},
    ...(pick ? { pickFolder: pick } : {}),
  });
  const later = (ms: number) => void (offsetMs += ms);
  return { configFile, renders, later };
}

const outputs = { name: 'outputs', path: './outputs', max_files: 100 };
const added = (path: string) => ({ name: 'renders', path, max_age_days: 3 });

async function refusal(promise: Promise<unknown>): Promise<BridgeError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BridgeError);
  return error as BridgeError;
}

describe('pickFolder with the electron dialog faked at the engine port', () => {
  it('saves the path the dialog returned, whatever path the renderer wrote beside the handle', async () => {
    const { configFile, renders } = await setup(async () => renders);
    const { picked } = await engine!.pickFolder({});
    expect(picked?.path).toBe(renders);
    // The impact check reads the picked path and leaves the handle for the save.
    const patch = { folders: [outputs, added(renders)], pickedPaths: [{ index: 1, handle: picked!.handle }] };
    await expect(engine!.checkConfigImpact(patch)).resolves.toMatchObject({ files: 0 });
    await engine!.updateConfig({
      folders: [outputs, added('/etc/invented-by-renderer')],
      pickedPaths: [{ index: 1, handle: picked!.handle }],
    });
    const text = await readFile(configFile, 'utf8');
    expect(text).toContain(`path: ${renders}`);
    expect(text).not.toContain('invented-by-renderer');
  });

  it('answers null when the dialog is cancelled', async () => {
    await setup(async () => null);
    await expect(engine!.pickFolder({})).resolves.toEqual({ picked: null });
  });

  it('refuses a handle never issued, used twice or expired, in a sentence, and saves nothing', async () => {
    const { configFile, renders, later } = await setup(async () => renders);
    const save = (handle: string) =>
      engine!.updateConfig({ folders: [outputs, added(renders)], pickedPaths: [{ index: 1, handle }] });

    const never = await refusal(save('00000000-0000-4000-8000-000000000000'));
    expect(never.message).toMatch(/^That picked folder is no longer valid .*choose it again with Browse…\.$/);
    expect(await readFile(configFile, 'utf8')).toBe(CONFIG);

    const { picked } = await engine!.pickFolder({});
    later(PICKED_FOLDER_TTL_MS + 1);
    expect((await refusal(save(picked!.handle))).message).toMatch(/no longer valid/);
    expect(await readFile(configFile, 'utf8')).toBe(CONFIG);

    const fresh = (await engine!.pickFolder({})).picked!;
    await save(fresh.handle);
    const saved = await readFile(configFile, 'utf8');
    expect((await refusal(save(fresh.handle))).message).toMatch(/no longer valid/);
    expect(await readFile(configFile, 'utf8')).toBe(saved);
  });

  it('refuses in serve, where no dialog can open, and points to typing the path', async () => {
    await setup(undefined);
    expect((await refusal(engine!.pickFolder({}))).message).toBe(
      'Choosing a folder with Browse… is available in the desktop app only; type the path instead.',
    );
  });
});
