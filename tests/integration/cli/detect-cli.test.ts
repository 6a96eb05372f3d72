/**
 * `headroom detect` end to end, as a separate process whose HOME and environment point at temp trees
 * shaped like the tools' installs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { makeTempDir } from '../../support/make-tree.js';
import { makeComfyUi, makeWebUi, oldFiles } from '../../support/tool-trees.js';

const CONFIG = `# my config: keep this comment
folders:
  # scratch space of mine
  - name: scratch
    path: ./scratch
    max_files: 10 # plenty
`;

let dir: string;
let cleanup: () => Promise<void>;
let home: string;
let configFile: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('headroom-detect-cli-'));
  home = join(dir, 'home');
  configFile = join(dir, 'config.yaml');
  await mkdir(join(dir, 'scratch'), { recursive: true });
  await mkdir(join(dir, 'tmp'), { recursive: true });
  await writeFile(configFile, CONFIG);
  // HOME and TMPDIR are what os.homedir() and os.tmpdir() read; the tools' variables are cleared.
  env = {
    HOME: home,
    TMPDIR: join(dir, 'tmp'),
    HF_HUB_CACHE: '',
    HUGGINGFACE_HUB_CACHE: '',
    HF_HOME: '',
    XDG_CACHE_HOME: '',
    OLLAMA_MODELS: '',
    GRADIO_TEMP_DIR: '',
  };
  await makeComfyUi(join(home, 'ComfyUI'), ['output', 'temp']);
  await oldFiles(join(home, 'ComfyUI', 'temp'), 4, 2048, 5);
});
afterEach(() => cleanup());

const cli = (...rest: string[]) =>
  runCli(['detect', '--config', configFile, '--data-dir', join(dir, 'data'), ...rest], env);

/** The `folders:` YAML block the command printed. */
function printedYaml(stdout: string): string {
  const start = stdout.indexOf('folders:\n');
  const end = stdout.indexOf('\n\n', start);
  return stdout.slice(start, end < 0 ? undefined : end + 1);
}

describe('headroom detect', () => {
  it('prints proposals, what the first cleanup would remove and the YAML, and writes nothing', async () => {
    const result = await cli();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('comfyui-temp (files): ' + join(home, 'ComfyUI', 'temp'));
    expect(result.stdout).toContain('first cleanup would remove 4 files, 8 KB');
    expect(result.stdout).toContain('~/ComfyUI/input: it does not exist');
    expect(printedYaml(result.stdout)).toContain(
      '  # found by headroom detect: ComfyUI temp files in ~/ComfyUI',
    );
    expect(await readFile(configFile, 'utf8')).toBe(CONFIG);
  });

  it('--write writes what it printed, after printing it, and keeps the comments', async () => {
    const result = await cli('--write');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const yaml = printedYaml(result.stdout);
    expect(result.stdout.indexOf(yaml)).toBeLessThan(
      result.stdout.indexOf('Added comfyui-output, comfyui-temp'),
    );
    const text = await readFile(configFile, 'utf8');
    expect(text.startsWith(CONFIG)).toBe(true);
    // The printed folders, comments and all, are exactly what was appended.
    expect(text.slice(CONFIG.length)).toBe(yaml.slice('folders:\n'.length));
    const written = (parse(text) as { folders: unknown[] }).folders;
    expect(written.slice(1)).toEqual((parse(yaml) as { folders: unknown[] }).folders);
    // Nothing is proposed twice.
    const again = await cli();
    expect(again.stdout).toContain('No new folders found on this computer.');
    expect(again.stdout).toContain('it is already the managed folder comfyui-temp');
  });

  it('--in DIR finds an install outside the usual places; --json is for scripts', async () => {
    await makeWebUi(join(dir, 'opt', 'sd'), true);
    const result = await cli('--in', join(dir, 'opt', 'sd'), '--in', join(dir, 'scratch'), '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      proposals: { tool: string; folder: { name: string }; preview: { files: number } }[];
      passedOver: { path: string; why: string }[];
      written: null;
    };
    expect(json.proposals.map((p) => [p.tool, p.folder.name])).toEqual([
      ['forge', 'forge-outputs'],
      ['comfyui', 'comfyui-output'],
      ['comfyui', 'comfyui-temp'],
    ]);
    expect(json.proposals[2]?.preview.files).toBe(4);
    expect(json.passedOver[0]).toEqual({
      tool: null,
      path: join(dir, 'scratch'),
      why: 'no ComfyUI, AUTOMATIC1111, Forge or Chatterbox install was found there',
    });
    expect(json.written).toBeNull();
  });

  it('--in and --write belong to detect only', async () => {
    const result = await runCli(['status', '--write', '--config', configFile], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--write does not apply to "status"');
  });
});
