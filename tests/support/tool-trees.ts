/**
 * Real folder trees shaped like each tool's install, for detection tests: the marker files the tools
 * ship (ComfyUI's main.py and comfy/, the web UIs' webui.py and modules/, Chatterbox's config.yaml with
 * its resource_management block) and the folders they fill, with files of chosen sizes and ages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY_MS, writeFiles } from './make-tree.js';

async function touch(file: string, text = ''): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, text);
}

/** A ComfyUI checkout at `dir`; `folders` lists which of output/, temp/, input/ exist. */
export async function makeComfyUi(
  dir: string,
  folders: readonly string[] = ['output', 'temp', 'input'],
): Promise<void> {
  await touch(join(dir, 'main.py'), 'import comfy\n');
  await touch(join(dir, 'comfy', 'sd.py'));
  for (const sub of folders) await mkdir(join(dir, sub), { recursive: true });
}

/** An AUTOMATIC1111 (or, with `forge`, a Forge) checkout at `dir`, with an outputs/ folder. */
export async function makeWebUi(dir: string, forge = false): Promise<void> {
  await touch(join(dir, 'webui.py'));
  await touch(join(dir, 'modules', 'shared.py'));
  if (forge) await touch(join(dir, 'modules_forge', 'main_entry.py'));
  await mkdir(join(dir, 'outputs', 'txt2img-images'), { recursive: true });
}

/** Chatterbox TTS Extended Plus at `dir`: its config.yaml and the three folders it names. */
export async function makeChatterbox(dir: string): Promise<void> {
  await touch(
    join(dir, 'config.yaml'),
    `paths:
  output_dir: outputs
  temp_dir: temp
  vc_input_dir: vc_inputs
resource_management:
  cleanup:
    output_dir_max_size_gb: 3
    temp_dir_max_files: 150
    temp_dir_max_age_days: 2
    vc_inputs_max_size_gb: 1
`,
  );
  for (const sub of ['outputs', 'temp', 'vc_inputs']) await mkdir(join(dir, sub), { recursive: true });
}

/** A few files in `dir` older than `ageDays`. */
export async function oldFiles(
  dir: string,
  count: number,
  sizeBytes: number,
  ageDays: number,
): Promise<void> {
  const files = Array.from({ length: count }, (_, i) => ({
    path: `old-${i}.bin`,
    sizeBytes,
    ageMs: ageDays * DAY_MS,
  }));
  await writeFiles(dir, files);
}
