import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { DetectResult } from '../../../shared/found-folders.js';
import { makeChatterbox, makeComfyUi, makeWebUi, oldFiles } from '../../support/tool-trees.js';
import { makeDetectWorld, type DetectWorld } from './detect-fixture.js';

let world: DetectWorld;
beforeEach(async () => {
  world = await makeDetectWorld();
});
afterEach(() => world.cleanup());

async function detect(dirs: string[] = []): Promise<DetectResult> {
  return (await (await world.engine()).detector()).detect(dirs);
}

const byName = (result: DetectResult) => Object.fromEntries(result.proposals.map((p) => [p.folder.name, p]));

describe('detect: each tool in its usual place', () => {
  it('finds nothing on a machine without the tools', async () => {
    const result = await detect();
    expect(result.proposals).toEqual([]);
    expect(result.yaml).toBe('');
  });

  it('ComfyUI in ~/ComfyUI: output, temp and input, with the first cleanup previewed', async () => {
    await makeComfyUi(join(world.home, 'ComfyUI'));
    await oldFiles(join(world.home, 'ComfyUI', 'temp'), 3, 1000, 3);
    const result = await detect();
    const found = byName(result);
    expect(Object.keys(found)).toEqual(['comfyui-output', 'comfyui-temp', 'comfyui-input']);
    expect(found['comfyui-temp']?.folder).toEqual({
      name: 'comfyui-temp',
      path: join(world.home, 'ComfyUI', 'temp'),
      max_age_days: 1,
    });
    expect(found['comfyui-temp']?.foundBy).toContain('~/ComfyUI (main.py and comfy/ found there)');
    expect(found['comfyui-temp']?.preview).toEqual({ files: 3, bytes: 3000, notes: [], error: null });
    expect(found['comfyui-output']?.preview).toMatchObject({ files: 0, bytes: 0, error: null });
    expect(result.yaml).toContain(`# found by headroom detect: ComfyUI temp files in ~/ComfyUI`);
    expect(result.yaml).toContain(`  - name: comfyui-temp\n    path: ${join(world.home, 'ComfyUI', 'temp')}`);
  });

  it('ComfyUI in ~/comfy/ComfyUI and ~/Documents/ComfyUI, each named apart', async () => {
    await makeComfyUi(join(world.home, 'comfy', 'ComfyUI'), ['output']);
    await makeComfyUi(join(world.home, 'Documents', 'ComfyUI'), ['output']);
    const names = (await detect()).proposals.map((p) => [p.folder.name, p.folder.path]);
    expect(names).toEqual([
      ['comfyui-output', join(world.home, 'comfy', 'ComfyUI', 'output')],
      ['comfyui-output-2', join(world.home, 'Documents', 'ComfyUI', 'output')],
    ]);
  });

  it('a folder without the marker files is not taken for ComfyUI', async () => {
    await mkdir(join(world.home, 'ComfyUI', 'output'), { recursive: true });
    expect((await detect()).proposals).toEqual([]);
  });

  it('AUTOMATIC1111 and Forge: their outputs/', async () => {
    await makeWebUi(join(world.home, 'stable-diffusion-webui'));
    await makeWebUi(join(world.home, 'stable-diffusion-webui-forge'), true);
    const result = await detect();
    expect(result.proposals.map((p) => [p.tool, p.folder.name, p.folder.path])).toEqual([
      ['automatic1111', 'a1111-outputs', join(world.home, 'stable-diffusion-webui', 'outputs')],
      ['forge', 'forge-outputs', join(world.home, 'stable-diffusion-webui-forge', 'outputs')],
    ]);
    expect(result.proposals[0]?.folder.max_size_gb).toBe(10);
  });

  it('Chatterbox TTS Extended Plus: its three folders with the limits of its resource_management block', async () => {
    await makeChatterbox(join(world.home, 'Chatterbox-TTS-Extended-Plus'));
    const result = await detect();
    const dir = join(world.home, 'Chatterbox-TTS-Extended-Plus');
    expect(result.proposals.map((p) => p.folder)).toEqual([
      { name: 'chatterbox-outputs', path: join(dir, 'outputs'), max_size_gb: 3 },
      { name: 'chatterbox-temp', path: join(dir, 'temp'), max_files: 150, max_age_days: 2 },
      { name: 'chatterbox-vc_inputs', path: join(dir, 'vc_inputs'), max_size_gb: 1 },
    ]);
  });

  it("Gradio's temp folder: gradio/ in the system temp folder, or GRADIO_TEMP_DIR", async () => {
    await mkdir(join(world.tempDir, 'gradio'));
    expect((await detect()).proposals.map((p) => p.folder.path)).toEqual([join(world.tempDir, 'gradio')]);
    await mkdir(join(world.root, 'gr'));
    world.env.GRADIO_TEMP_DIR = join(world.root, 'gr');
    const result = await detect();
    expect(result.proposals.map((p) => [p.folder.path, p.foundBy])).toEqual([
      [join(world.root, 'gr'), `Gradio temp files at ${join(world.root, 'gr')} (from GRADIO_TEMP_DIR)`],
    ]);
  });
});

describe('detect: model caches where their tools look', () => {
  it('Hugging Face: ~/.cache/huggingface/hub, as kind huggingface', async () => {
    await mkdir(join(world.home, '.cache', 'huggingface', 'hub', 'models--org--m'), { recursive: true });
    const [found] = (await detect()).proposals;
    expect(found?.folder).toEqual({
      name: 'huggingface',
      kind: 'huggingface',
      path: join(world.home, '.cache', 'huggingface', 'hub'),
      max_size_gb: 50,
    });
    // The config with it added is valid (kind: huggingface), so the engine's preview planned it.
    expect(found?.preview.error).toBeNull();
  });

  it('HF_HUB_CACHE wins over HF_HOME, which wins over the default', async () => {
    await mkdir(join(world.home, '.cache', 'huggingface', 'hub'), { recursive: true });
    await mkdir(join(world.root, 'hfhome', 'hub'), { recursive: true });
    await mkdir(join(world.root, 'hubcache'), { recursive: true });
    world.env.HF_HOME = join(world.root, 'hfhome');
    expect((await detect()).proposals.map((p) => p.folder.path)).toEqual([join(world.root, 'hfhome', 'hub')]);
    world.env.HF_HUB_CACHE = join(world.root, 'hubcache');
    const [found] = (await detect()).proposals;
    expect(found?.folder.path).toBe(join(world.root, 'hubcache'));
    expect(found?.foundBy).toContain('(from HF_HUB_CACHE)');
  });

  it('Ollama: OLLAMA_MODELS, else ~/.ollama/models, as kind ollama', async () => {
    await mkdir(join(world.home, '.ollama', 'models', 'manifests'), { recursive: true });
    expect((await detect()).proposals.map((p) => [p.folder.kind, p.folder.path])).toEqual([
      ['ollama', join(world.home, '.ollama', 'models')],
    ]);
    await mkdir(join(world.root, 'models'));
    world.env.OLLAMA_MODELS = join(world.root, 'models');
    expect((await detect()).proposals.map((p) => p.folder.path)).toEqual([join(world.root, 'models')]);
  });
});

describe('detect: what is never proposed', () => {
  it('a folder a variable names that does not exist is passed over, saying so', async () => {
    world.env.OLLAMA_MODELS = join(world.root, 'nowhere');
    const result = await detect();
    expect(result.proposals).toEqual([]);
    expect(result.passedOver).toEqual([
      { tool: 'ollama', path: join(world.root, 'nowhere'), why: 'it does not exist' },
    ]);
  });

  it('a missing folder of a found install is passed over; the others are proposed', async () => {
    await makeComfyUi(join(world.home, 'ComfyUI'), ['output']);
    const result = await detect();
    expect(result.proposals.map((p) => p.folder.name)).toEqual(['comfyui-output']);
    expect(result.passedOver.map((p) => [p.path, p.why])).toEqual([
      ['~/ComfyUI/temp', 'it does not exist'],
      ['~/ComfyUI/input', 'it does not exist'],
    ]);
  });

  it('a refused root (the home folder itself, through a variable) is passed over with the refusal', async () => {
    world.env.HF_HUB_CACHE = world.home;
    const result = await detect();
    expect(result.proposals).toEqual([]);
    expect(result.passedOver).toHaveLength(1);
    expect(result.passedOver[0]?.why).toMatch(/home folder/);
  });

  it("Headroom's own data folder, even through a link, is refused", async () => {
    await mkdir(world.dataDir, { recursive: true });
    await symlink(world.dataDir, join(world.root, 'link'));
    world.env.OLLAMA_MODELS = join(world.root, 'link');
    const result = await detect();
    expect(result.proposals).toEqual([]);
    expect(result.passedOver[0]?.why).toMatch(/data folder/);
  });

  it('a folder already configured (or inside one) is not proposed again', async () => {
    await makeComfyUi(join(world.project, 'scratch', 'ComfyUI'), ['output']);
    await makeComfyUi(join(world.home, 'ComfyUI'), ['output']);
    await writeFile(
      world.configFile,
      `folders:\n  - name: mine\n    path: ${join(world.home, 'ComfyUI', 'output')}\n    max_files: 5\n` +
        `  - name: scratch\n    path: scratch\n    max_files: 10\n`,
    );
    const result = await detect([join(world.project, 'scratch', 'ComfyUI')]);
    expect(result.proposals).toEqual([]);
    const outputs = result.passedOver.filter((p) => p.path.endsWith('output'));
    expect(outputs.map((p) => [p.path, p.why])).toEqual([
      [join(world.project, 'scratch', 'ComfyUI', 'output'), 'it is inside the managed folder scratch'],
      ['~/ComfyUI/output', 'it is already the managed folder mine'],
    ]);
  });
});

describe('detect --in DIR', () => {
  it('finds an install the usual places miss; a folder with none is reported', async () => {
    const elsewhere = join(world.root, 'tools', 'my-comfy');
    await makeComfyUi(elsewhere, ['output']);
    await writeFile(join(elsewhere, 'temp'), 'a file, not a folder');
    await mkdir(join(world.root, 'empty'));
    const result = await detect([elsewhere, join(world.root, 'empty')]);
    expect(result.proposals.map((p) => p.folder.path)).toEqual([join(elsewhere, 'output')]);
    expect(result.passedOver).toEqual([
      {
        tool: null,
        path: join(world.root, 'empty'),
        why: 'no ComfyUI, AUTOMATIC1111, Forge or Chatterbox install was found there',
      },
      { tool: 'comfyui', path: join(elsewhere, 'temp'), why: 'it is not a folder' },
      { tool: 'comfyui', path: join(elsewhere, 'input'), why: 'it does not exist' },
    ]);
  });

  it('the same install named twice is proposed once', async () => {
    await makeComfyUi(join(world.home, 'ComfyUI'));
    const result = await detect([join(world.home, 'ComfyUI')]);
    expect(result.proposals.map((p) => p.folder.name)).toEqual([
      'comfyui-output',
      'comfyui-temp',
      'comfyui-input',
    ]);
    expect(result.passedOver).toEqual([]);
  });
});

describe('adding what was found', () => {
  it('appends the chosen folders with their comments; the file keeps its own', async () => {
    await makeComfyUi(join(world.home, 'ComfyUI'), ['output', 'temp']);
    const engine = await world.engine();
    const found = await engine.detectFolders();
    const temp = found.proposals.find((p) => p.folder.name === 'comfyui-temp')!;
    const added = await engine.addDetectedFolders({ ids: [temp.id] });
    expect(added).toEqual({ added: ['comfyui-temp'], file: world.configFile });
    const text = await readFile(world.configFile, 'utf8');
    expect(text).toContain('# my Headroom config: this comment must survive');
    expect(text).toContain('# scratch space of mine');
    expect(text).toContain(`  # found by headroom detect: ${temp.foundBy}\n  - name: comfyui-temp\n`);
    expect(text).not.toContain('comfyui-output');
    const view = await engine.getConfig();
    expect(view.folders.map((f) => f.name)).toEqual(['scratch', 'comfyui-temp']);
    // Once added, it is managed: the next look proposes only the rest.
    const again = await engine.detectFolders();
    expect(again.proposals.map((p) => p.folder.name)).toEqual(['comfyui-output']);
  });

  it('an id that was never issued is refused and the file is untouched', async () => {
    const engine = await world.engine();
    await expect(engine.addDetectedFolders({ ids: ['0123456789abcdef'] })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(engine.addDetectedFolders({ ids: ['/etc'] } as never)).rejects.toMatchObject({
      code: 'invalid-request',
    });
    expect(await readFile(world.configFile, 'utf8')).toContain('# scratch space of mine');
  });
});

describe("the dashboard's first run", () => {
  it('is while config.yaml manages only the sample folders Headroom made, and ends once a found folder is added', async () => {
    await makeComfyUi(join(world.home, 'ComfyUI'), ['output']);
    const engine = await createEngine({
      dataDir: join(world.root, 'fresh-data'),
      detectHost: { home: world.home, env: world.env, tempDir: world.tempDir },
      log: () => {},
    });
    try {
      const found = await engine.detectFolders();
      expect(found.firstRun).toBe(true);
      const samplePaths = (await engine.getSnapshot()).folders.map((f) => f.path);
      expect(found.samples).toEqual(samplePaths);
      await engine.addDetectedFolders({ ids: found.proposals.map((p) => p.id) });
      const after = await engine.detectFolders();
      expect(after.firstRun).toBe(false);
      // The samples are still Headroom's samples (their cards keep the tag); the added folder is not one.
      expect(after.samples).toEqual(samplePaths);
      expect((await engine.getConfig()).folders.length).toBeGreaterThan(samplePaths.length);
      // The default config's own explanations are still there.
      const text = await readFile(engine.configFile, 'utf8');
      expect(text).toContain('# Headroom configuration.');
      expect(text).toContain('# Generated audio: keep at most 5 GB.');
    } finally {
      await engine.dispose();
    }
  });

  it('is not while the config names folders of its own', async () => {
    expect((await detect()).firstRun).toBe(false);
  });
});

describe('adding to a config whose folder list is written `folders: []`', () => {
  it('turns the empty flow list into a block list so the comment can be written', async () => {
    await world.cleanup();
    world = await makeDetectWorld('# mine\nfolders: []\n');
    await makeComfyUi(join(world.home, 'ComfyUI'), ['output']);
    const engine = await world.engine();
    const [found] = (await engine.detectFolders()).proposals;
    await engine.addDetectedFolders({ ids: [found!.id] });
    const text = await readFile(world.configFile, 'utf8');
    expect(text.startsWith('# mine\n')).toBe(true);
    expect(text).toContain(
      `folders:\n  # found by headroom detect: ${found!.foundBy}\n  - name: comfyui-output\n`,
    );
  });
});

describe('consent (invariant 7)', () => {
  it("an added folder's first cleanup, which the user saw, is agreed: no new removals wait for consent", async () => {
    await makeComfyUi(join(world.home, 'ComfyUI'), ['temp']);
    await oldFiles(join(world.home, 'ComfyUI', 'temp'), 3, 1000, 3);
    const engine = await world.engine();
    const [temp] = (await engine.detectFolders()).proposals;
    expect(temp?.preview.files).toBe(3);
    await engine.addDetectedFolders({ ids: [temp!.id] });
    const impact = await engine.checkConfigImpact({});
    expect(impact.files).toBe(0);
  });
});
