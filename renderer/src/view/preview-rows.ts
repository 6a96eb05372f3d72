/**
 * The preview's rows for one folder: its planned files grouped by the subfolder they are in, each group
 * headed by its totals, groups and files oldest first, so the list reads in the order the cleanup takes
 * them (DESIGN.md: oldest first by mtime, ties by path).
 */
import type { FolderPlanView } from '../../../shared/types.js';

type PlannedFile = FolderPlanView['remove'][number];

export type PreviewRow =
  | { kind: 'group'; dir: string; files: number; bytes: number }
  | { kind: 'file'; name: string; file: PlannedFile };

const byAge = (a: PlannedFile, b: PlannedFile): number =>
  a.mtimeMs - b.mtimeMs || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Groups, each followed by its files. A file at the folder's top has `dir` ''. */
export function previewRows(remove: readonly PlannedFile[]): PreviewRow[] {
  const groups = new Map<string, PlannedFile[]>();
  for (const file of remove) {
    const slash = file.path.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.path.slice(0, slash);
    const list = groups.get(dir);
    if (list) list.push(file);
    else groups.set(dir, [file]);
  }
  const sorted = [...groups].map(([dir, files]) => ({ dir, files: files.sort(byAge) }));
  sorted.sort((a, b) => byAge(a.files[0]!, b.files[0]!));
  const rows: PreviewRow[] = [];
  for (const { dir, files } of sorted) {
    rows.push({ kind: 'group', dir, files: files.length, bytes: files.reduce((n, f) => n + f.sizeBytes, 0) });
    const cut = dir === '' ? 0 : dir.length + 1;
    for (const file of files) rows.push({ kind: 'file', name: file.path.slice(cut), file });
  }
  return rows;
}

/** "2026-11-10 14:03" in the viewer's time zone. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
