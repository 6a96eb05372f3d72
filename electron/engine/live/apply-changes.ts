/** Applies settled watch changes to a folder index. */
import type { FolderIndex } from '../index/folder-index.js';
import type { RawChange } from './watch-backend.js';

/**
 * Applies `changes` in order. Returns true when one of them says the root itself went away, in which
 * case the caller stops watching and empties the index (the rest of the batch no longer matters).
 */
export function applyChanges(index: FolderIndex, changes: readonly RawChange[]): boolean {
  for (const change of changes) {
    switch (change.kind) {
      case 'upsert':
        index.upsert(change.path, change.sizeBytes, change.mtimeMs);
        break;
      case 'remove':
        index.remove(change.path);
        break;
      case 'dir-added':
        // A directory now stands where a file may have been; its own files arrive as upserts.
        index.remove(change.path);
        break;
      case 'dir-removed':
        if (change.path === '') return true;
        index.removeUnder(change.path);
        break;
    }
  }
  return false;
}
