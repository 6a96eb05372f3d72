/** What keeps a folder from being measured or cleaned, and what to do, in one sentence for every surface. */
import type { FolderStatus } from './types.js';

/**
 * "temp: folder not found at /x/temp; create it (Settings offers to) or correct its path." for a missing
 * folder, "temp: <the read error>" for an unreadable one, null for a folder that can be measured. The
 * dashboard's warnings, `status`, /api/v1/health and the tray say the same.
 */
export function folderProblem(
  folder: Pick<FolderStatus, 'name' | 'path' | 'exists' | 'error'>,
): string | null {
  if (!folder.exists) {
    return `${folder.name}: folder not found at ${folder.path}; create it (Settings offers to) or correct its path.`;
  }
  if (folder.error !== null) return `${folder.name}: ${folder.error}`;
  return null;
}
