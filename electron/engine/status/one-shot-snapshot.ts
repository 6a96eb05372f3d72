/** A snapshot for one-shot commands (`headroom status`): each folder scanned once, no watchers. */
import type {
  AppConfig,
  FolderStatus,
  ScheduleStatus,
  Snapshot,
  ConfigErrorInfo,
} from '../../../shared/types.js';
import { compileGlobs, folderGlobOptions } from '../../core/glob-match.js';
import { maxAgeCutoffMs } from '../../core/levels.js';
import { scanFolderIndex } from '../index/scan-folder-index.js';
import { buildFolderStatus } from './build-folder-status.js';
import { summarise } from './summarise-snapshot.js';
import { volumeSpace } from './volume-space.js';

export async function oneShotSnapshot(
  config: AppConfig | null,
  schedule: ScheduleStatus,
  configError: ConfigErrorInfo | null,
  nowMs: number,
): Promise<Snapshot> {
  const folders: FolderStatus[] = [];
  for (const rules of config?.folders ?? []) {
    // The same scan-into-index the live engine uses: no joined scan beside the index, no 0.5 s fromScan.
    const { scan, index } = await scanFolderIndex(rules.path, {
      isExcluded: compileGlobs(rules.exclude, folderGlobOptions(rules)),
    });
    const totals = index.totals();
    const stats = { exists: scan.exists, error: scan.error, ...totals };
    const volume = scan.exists ? await volumeSpace(rules.path, config?.freeSpaceFloorPercent ?? 5) : null;
    const filesPastMaxAge =
      rules.maxAgeDays === null ? null : index.countOlderThan(maxAgeCutoffMs(rules.maxAgeDays, nowMs));
    const threshold = config?.warningThresholdPercent ?? 80;
    folders.push(buildFolderStatus(rules, stats, threshold, nowMs, { volume, filesPastMaxAge }));
  }
  return summarise(folders, {
    takenAtMs: nowMs,
    cleaning: false,
    schedule,
    configError,
    warningThresholdPercent: config?.warningThresholdPercent ?? 80,
  });
}
