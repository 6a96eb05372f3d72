/**
 * Reading a model cache's tree for its unit reader: `lstat` of every entry (links are read, never
 * followed), paths relative to the folder root with `/`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StoreEntry } from '../../core/store-tree.js';

/** An entry found by the walk; `target` is set for links. */
export interface WalkedEntry extends StoreEntry {
  target?: string;
}

/** Every file and link under `rel` (a folder below `root`), depth first; [] when `rel` does not exist. */
export async function walkStore(root: string, rel: string): Promise<WalkedEntry[]> {
  const found: WalkedEntry[] = [];
  let names: string[];
  try {
    names = (await fs.readdir(path.join(root, rel))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw error;
  }
  for (const name of names) {
    const relPath = rel === '' ? name : `${rel}/${name}`;
    const entry = await statEntry(root, relPath);
    if (entry === 'dir') found.push(...(await walkStore(root, relPath)));
    else if (entry !== null) found.push(entry);
  }
  return found;
}

/** One entry: 'dir' for a folder, null for something that is neither file nor link (or gone). */
export async function statEntry(root: string, relPath: string): Promise<WalkedEntry | 'dir' | null> {
  const abs = path.join(root, relPath);
  let st;
  try {
    st = await fs.lstat(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (st.isDirectory()) return 'dir';
  if (!st.isFile() && !st.isSymbolicLink()) return null;
  const entry: WalkedEntry = {
    path: relPath,
    sizeBytes: st.size,
    mtimeMs: st.mtimeMs,
    atimeMs: st.atimeMs,
    dev: st.dev,
    ino: st.ino,
  };
  if (st.isSymbolicLink()) {
    entry.entry = 'link';
    entry.target = await fs.readlink(abs);
  }
  return entry;
}

/** The regular files' bytes of a list of entries (links occupy no counted space). */
export function fileBytes(entries: readonly WalkedEntry[]): number {
  return entries.reduce((sum, e) => sum + (e.entry === 'link' ? 0 : e.sizeBytes), 0);
}
