/** `headroom preview`: what a cleanup would remove now, and why. */
import { displayName } from '../../../shared/byte-names.js';
import { formatBytes, formatCount } from '../../../shared/format.js';
import type { CleanupPreview } from '../../../shared/types.js';
import type { Engine } from '../../engine/engine-types.js';
import { EXIT_OK, printJson } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';

/** Human output lists at most this many files per folder; `--json` lists all. */
const MAX_LISTED = 50;

export async function previewCommand(
  engine: Engine,
  io: CliIo,
  folders: string[],
  json: boolean,
): Promise<number> {
  const preview = await engine.previewCleanup({ folders });
  if (json) printJson(io, preview);
  else io.out(renderPreview(preview));
  return EXIT_OK;
}

export function renderPreview(preview: CleanupPreview): string {
  const lines: string[] = [];
  for (const folder of preview.folders) {
    if (folder.error) {
      lines.push(`${folder.name}: not planned (${folder.error})`);
      continue;
    }
    const count = folder.remove.length;
    lines.push(
      `${folder.name}: ${count === 0 ? 'nothing to remove' : `${formatCount(count)} files, ${formatBytes(folder.bytesToFree)} to free`}`,
    );
    for (const file of folder.remove.slice(0, MAX_LISTED)) {
      const when = new Date(file.mtimeMs).toISOString().slice(0, 16).replace('T', ' ');
      lines.push(
        `  ${file.reason.padEnd(5)}  ${when}  ${formatBytes(file.sizeBytes).padStart(8)}  ${displayName(file.path)}`,
      );
    }
    if (count > MAX_LISTED) lines.push(`  … and ${formatCount(count - MAX_LISTED)} more (--json lists all)`);
    for (const note of folder.notes) lines.push(`  note: ${note}`);
  }
  return lines.join('\n') + '\n';
}
