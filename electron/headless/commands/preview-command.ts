/** `headroom preview`: what a cleanup would remove now, and why. */
import { displayName } from '../../../shared/byte-names.js';
import { countOf, formatBytes, formatCount, formatLocalTime } from '../../../shared/format.js';
import type { CleanupPreview, FolderPlanView, PlannedUnit } from '../../../shared/types.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
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
  const preview = await (json ? engine.fullPreview({ folders }) : engine.previewCleanup({ folders }));
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
    if (folder.units !== undefined) {
      lines.push(...renderUnits(folder, folder.units));
      continue;
    }
    const count = folder.files;
    lines.push(
      `${folder.name}: ${count === 0 ? 'nothing to remove' : `${countOf(count, 'file')}, ${formatBytes(folder.bytesToFree)} to free`}`,
    );
    for (const file of folder.remove.slice(0, MAX_LISTED)) {
      const when = formatLocalTime(file.mtimeMs);
      lines.push(
        `  ${file.reason.padEnd(5)}  ${when}  ${formatBytes(file.sizeBytes).padStart(8)}  ${displayName(file.path)}`,
      );
    }
    if (count > MAX_LISTED) lines.push(`  … and ${formatCount(count - MAX_LISTED)} more (--json lists all)`);
    for (const note of folder.notes) lines.push(`  note: ${note}`);
  }
  return lines.join('\n') + '\n';
}

/** Files listed under each unit in human output; `--json` lists all. */
const MAX_FILES_PER_UNIT = 5;

/**
 * A folder whose unit of cleanup is whole (a token, a revision): one line per unit, its files under it,
 * e.g. "  expired  token abc123 · 3 files · 12 MB · expired 5 h ago".
 */
function renderUnits(folder: FolderPlanView, units: readonly PlannedUnit[]): string[] {
  const files = units.reduce((sum, u) => sum + u.files.length, 0);
  const lines = [
    `${folder.name}: ${
      units.length === 0
        ? 'nothing to remove'
        : `${countOf(units.length, 'unit')} (${countOf(files, 'file')}), ${formatBytes(folder.bytesToFree)} to free`
    }`,
  ];
  for (const unit of units.slice(0, MAX_LISTED)) {
    lines.push(`  ${unit.reason.padEnd(7)}  ${displayName(unit.label)}`);
    for (const path of unit.files.slice(0, MAX_FILES_PER_UNIT))
      lines.push(`             ${displayName(path)}`);
    if (unit.files.length > MAX_FILES_PER_UNIT) {
      lines.push(`             … and ${countOf(unit.files.length - MAX_FILES_PER_UNIT, 'more file')}`);
    }
  }
  if (units.length > MAX_LISTED)
    lines.push(`  … and ${formatCount(units.length - MAX_LISTED)} more (--json lists all)`);
  for (const note of folder.notes) lines.push(`  note: ${note}`);
  return lines;
}
