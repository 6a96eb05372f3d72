/** The walk a scan worker runs: through the addon's directory handles where it is built, else by path. */
import { loadScanAddon } from '../removal/native-dir-fs.js';
import type { WalkChunk, WalkTask } from './scan-types.js';
import { walkDirsByPath } from './walk-dirs-by-path.js';
import { walkDirsNative } from './walk-dirs-native.js';

export { walkDirsByPath } from './walk-dirs-by-path.js';

/**
 * Walks `task.dirs` depth first; stops after `task.budgetEntries` entries, or when `shareWanted` says an
 * idle worker waits for some of the pending folders, and returns the rest as pending.
 */
export function walkDirs(task: WalkTask, shareWanted: () => boolean = () => false): WalkChunk {
  const addon = loadScanAddon();
  return addon ? walkDirsNative(task, addon, shareWanted) : walkDirsByPath(task, shareWanted);
}
