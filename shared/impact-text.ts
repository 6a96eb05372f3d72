/** The consent rule's sentences (DESIGN.md invariant 7), shared by the dashboard, the tray and the CLI. */
import { formatBytes, formatCount } from './format.js';

/** How many files of each folder an impact lists (the preview one click away); the totals stay exact. */
export const IMPACT_LISTED = 200;

interface ImpactFigures {
  files: number;
  bytes: number;
  folders: readonly { name: string; files: number }[];
}

/** "cache", "cache and temp", "cache, temp and outputs". */
export function folderNames(folders: readonly { name: string }[]): string {
  const names = folders.map((f) => f.name);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "50,000 files, 97.7 MB, from cache" (one file: "1 file, 2 KB, from cache"). */
export function impactFigures(impact: ImpactFigures): string {
  const files = impact.files === 1 ? '1 file' : `${formatCount(impact.files)} files`;
  return `${files}, ${formatBytes(impact.bytes)}, from ${folderNames(impact.folders)}`;
}

/** "Saving will remove 50,000 files, 97.7 MB, from cache". */
export function savingWillRemove(impact: ImpactFigures): string {
  return `Saving will remove ${impactFigures(impact)}`;
}
