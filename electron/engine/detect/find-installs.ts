/**
 * Tool installs, found by their marker files in the usual places or in folders the user names (`--in`):
 * ComfyUI (`main.py` and `comfy/`: output/, temp/, input/), AUTOMATIC1111 and Forge (`webui.py` and
 * `modules/`; Forge also has `modules_forge/`: outputs/), and Chatterbox TTS Extended Plus (a
 * `config.yaml` holding the `resource_management.cleanup` block: its three folders with its own limits).
 */
import path from 'node:path';
import { shownPath, type Candidate } from './candidate.js';
import { chatterboxFolders } from './chatterbox-folders.js';
import type { DetectHost } from './detect-host.js';
import { isDir, isFile } from './is-dir.js';
import { INPUTS_LIMITS, OUTPUTS_LIMITS, TOOL_TEMP_LIMITS } from './proposed-limits.js';

/** Where people usually put these tools, relative to their home folder. */
export const USUAL_INSTALL_PLACES = [
  'ComfyUI',
  'comfyui',
  'comfy/ComfyUI',
  'Documents/ComfyUI',
  'stable-diffusion-webui',
  'stable-diffusion-webui-forge',
  'Documents/stable-diffusion-webui',
  'Documents/stable-diffusion-webui-forge',
  'Chatterbox-TTS-Extended-Plus',
  'chatterbox',
  'Documents/Chatterbox-TTS-Extended-Plus',
  'Documents/chatterbox',
];

async function findComfyUi(dir: string, shown: string): Promise<Candidate[] | null> {
  if (!(await isFile(path.join(dir, 'main.py'))) || !(await isDir(path.join(dir, 'comfy')))) return null;
  const folder = (sub: string, limits: Candidate['limits'], what: string): Candidate => ({
    tool: 'comfyui',
    kind: 'files',
    path: path.join(dir, sub),
    name: `comfyui-${sub}`,
    limits,
    foundBy: `ComfyUI ${what} in ${shown} (main.py and comfy/ found there)`,
  });
  return [
    folder('output', OUTPUTS_LIMITS, 'generated images'),
    folder('temp', TOOL_TEMP_LIMITS, 'temp files'),
    folder('input', INPUTS_LIMITS, 'uploaded inputs'),
  ];
}

async function findWebUi(dir: string, shown: string): Promise<Candidate[] | null> {
  if (!(await isFile(path.join(dir, 'webui.py'))) || !(await isDir(path.join(dir, 'modules')))) return null;
  const forge = await isDir(path.join(dir, 'modules_forge'));
  const label = forge ? 'Forge' : 'AUTOMATIC1111';
  const marker = forge ? 'webui.py and modules_forge/' : 'webui.py and modules/';
  return [
    {
      tool: forge ? 'forge' : 'automatic1111',
      kind: 'files',
      path: path.join(dir, 'outputs'),
      name: forge ? 'forge-outputs' : 'a1111-outputs',
      limits: OUTPUTS_LIMITS,
      foundBy: `${label} generated images in ${shown} (${marker} found there)`,
    },
  ];
}

const FINDERS = [findComfyUi, findWebUi, chatterboxFolders];

/** What `dir` holds, or null when it is none of the known installs. */
export async function findInstallIn(dir: string, host: DetectHost): Promise<Candidate[] | null> {
  const shown = shownPath(dir, host.home);
  for (const finder of FINDERS) {
    const found = await finder(dir, shown);
    if (found) return found;
  }
  return null;
}

/** Installs in the usual places under the home folder. */
export async function findUsualInstalls(host: DetectHost): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const place of USUAL_INSTALL_PLACES) {
    found.push(...((await findInstallIn(path.join(host.home, place), host)) ?? []));
  }
  return found;
}
