/** Puts folder statuses together into a Snapshot: the highest usage of all enabled folders is the meter. */
import type { FolderStatus, Level, Snapshot } from '../../../shared/types.js';

const RANK: Record<Level, number> = { ok: 0, warning: 1, over: 2 };

export function summarise(
  folders: FolderStatus[],
  rest: Omit<Snapshot, 'folders' | 'maxUsagePercent' | 'level'>,
): Snapshot {
  const enabled = folders.filter((f) => f.enabled);
  const maxUsagePercent = enabled.reduce((max, f) => Math.max(max, f.usagePercent), 0);
  const level = enabled.reduce<Level>((worst, f) => (RANK[f.level] > RANK[worst] ? f.level : worst), 'ok');
  return { ...rest, folders, maxUsagePercent, level };
}
