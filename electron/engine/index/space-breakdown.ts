/**
 * What takes space in a folder (issue 15 item 3), from its live index in one pass: no second scan. The
 * files are visited once; the biggest and the oldest are kept in small sorted lists, so memory stays
 * O(subfolders + types + limit) however many files the folder holds.
 */
import type { SpaceBreakdown, SpaceEntry } from '../../../shared/usage-history.js';
import type { FolderIndex } from './folder-index.js';

/** The label of files that have no extension. */
export const NO_EXTENSION = 'no extension';

export function spaceBreakdown(index: FolderIndex, folder: string, limit: number): SpaceBreakdown {
  const subfolders = new Map<string, SpaceEntry>();
  const types = new Map<string, SpaceEntry>();
  const biggest = new TopList(limit, (a, b) => b.sizeBytes - a.sizeBytes || a.label.localeCompare(b.label));
  const oldest = new TopList(limit, (a, b) => a.mtimeMs! - b.mtimeMs! || a.label.localeCompare(b.label));
  let sizeBytes = 0;
  index.forEach((relPath, size, mtimeMs) => {
    sizeBytes += size;
    const slash = relPath.indexOf('/');
    addTo(subfolders, slash < 0 ? '' : relPath.slice(0, slash), size);
    addTo(types, extensionOf(relPath), size);
    const file = { label: relPath, sizeBytes: size, fileCount: 1, mtimeMs };
    biggest.offer(file);
    oldest.offer(file);
  });
  return {
    folder,
    sizeBytes,
    fileCount: index.fileCount,
    subfolders: largest(subfolders, limit),
    types: largest(types, limit),
    biggest: biggest.list(),
    oldest: oldest.list(),
  };
}

/** `.wav` for `a/b/Take.WAV`; a leading dot alone (`.env`) is a name, not an extension. */
function extensionOf(relPath: string): string {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? NO_EXTENSION : name.slice(dot).toLowerCase();
}

function addTo(map: Map<string, SpaceEntry>, label: string, sizeBytes: number): void {
  const entry = map.get(label);
  if (entry) {
    entry.sizeBytes += sizeBytes;
    entry.fileCount++;
  } else {
    map.set(label, { label, sizeBytes, fileCount: 1 });
  }
}

function largest(map: Map<string, SpaceEntry>, limit: number): SpaceEntry[] {
  return [...map.values()]
    .sort((a, b) => b.sizeBytes - a.sizeBytes || a.label.localeCompare(b.label))
    .slice(0, limit);
}

/** The first `limit` entries in `order`, kept sorted as entries are offered. */
class TopList {
  private readonly entries: SpaceEntry[] = [];

  constructor(
    private readonly limit: number,
    private readonly order: (a: SpaceEntry, b: SpaceEntry) => number,
  ) {}

  offer(entry: SpaceEntry): void {
    const last = this.entries[this.entries.length - 1];
    if (this.entries.length >= this.limit && last && this.order(entry, last) >= 0) return;
    let i = this.entries.length;
    while (i > 0 && this.order(entry, this.entries[i - 1]!) < 0) i--;
    this.entries.splice(i, 0, entry);
    if (this.entries.length > this.limit) this.entries.pop();
  }

  list(): SpaceEntry[] {
    return this.entries;
  }
}
