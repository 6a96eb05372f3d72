/** Gradio's upload and cache folder: `GRADIO_TEMP_DIR`, or `gradio/` in the system temp folder. */
import path from 'node:path';
import { shownPath, type Candidate } from './candidate.js';
import type { DetectHost } from './detect-host.js';
import { isDir } from './is-dir.js';
import { GRADIO_TEMP_LIMITS } from './proposed-limits.js';

export async function findGradioTemp(host: DetectHost): Promise<Candidate[]> {
  const named = host.env.GRADIO_TEMP_DIR?.trim();
  const dir = named ? path.resolve(host.home, named) : path.join(host.tempDir, 'gradio');
  if (!named && !(await isDir(dir))) return [];
  const via = named ? ' (from GRADIO_TEMP_DIR)' : '';
  return [
    {
      tool: 'gradio',
      kind: 'files',
      path: dir,
      name: 'gradio-temp',
      limits: GRADIO_TEMP_LIMITS,
      foundBy: `Gradio temp files at ${shownPath(dir, host.home)}${via}`,
    },
  ];
}
