/** A snapshot for one-shot commands (`headroom status`): each folder scanned once, no watchers. */
import { CONFIG_DEFAULTS } from '../../../shared/config-schema.js';
import type {
  AppConfig,
  FolderRules,
  FolderStatus,
  ScheduleStatus,
  Snapshot,
  ConfigErrorInfo,
} from '../../../shared/types.js';
import { realpath } from 'node:fs/promises';
import { compileGlobs, folderGlobOptions } from '../../core/glob-match.js';
import { maxAgeCutoffMs } from '../../core/levels.js';
import { freeSpaceFloor } from '../../core/low-disk.js';
import { scanFolderIndex } from '../index/scan-folder-index.js';
import { buildFolderStatus } from './build-folder-status.js';
import { summarise } from './summarise-snapshot.js';
import { volumeSpace } from './volume-space.js';
import { atimeRecorded } from '../units/atime-recorded.js';

/** Where a model cache's last use comes from (access or modification times); undefined for other kinds. */
async function lastUseSource(rules: FolderRules, exists: boolean): Promise<FolderStatus['lastUseFrom']> {
  if (!exists || (rules.kind !== 'huggingface' && rules.kind !== 'ollama')) return undefined;
  const real = await realpath(rules.path).catch(() => rules.path);
  return (await atimeRecorded(real)) ? 'access' : 'modification';
}

export async function oneShotSnapshot(
  config: AppConfig | null,
  schedule: ScheduleStatus,
  configError: ConfigErrorInfo | null,
  nowMs: number,
): Promise<Snapshot> {
  const folders: FolderStatus[] = [];
  for (const rules of config?.folders ?? []) {
    // The same scan-into-index the live engine uses, so no joined scan is held beside the index.
    const { scan, index } = await scanFolderIndex(rules.path, {
      isExcluded: compileGlobs(rules.exclude, folderGlobOptions(rules)),
    });
    const totals = index.totals();
    const stats = { exists: scan.exists, error: scan.error, ...totals };
    const volume = scan.exists ? await volumeSpace(rules.path, freeSpaceFloor(config)) : null;
    const filesPastMaxAge =
      rules.maxAgeDays === null ? null : index.countOlderThan(maxAgeCutoffMs(rules.maxAgeDays, nowMs));
    const threshold = config?.warningThresholdPercent ?? CONFIG_DEFAULTS.warning_threshold_percent;
    const lastUseFrom = await lastUseSource(rules, scan.exists);
    folders.push(buildFolderStatus(rules, stats, threshold, nowMs, { volume, filesPastMaxAge, lastUseFrom }));
  }
  return summarise(folders, {
    takenAtMs: nowMs,
    cleaning: false,
    schedule,
    configError,
    warningThresholdPercent: config?.warningThresholdPercent ?? CONFIG_DEFAULTS.warning_threshold_percent,
  });
}
