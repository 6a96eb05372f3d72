/** A folder's normalised rules with the config defaults (min age 10 min, size target 80%, delete), no limits. */
import type { FolderRules } from '../../shared/types.js';

export function folderRules(overrides: Partial<FolderRules> = {}): FolderRules {
  return {
    name: 'outputs',
    path: '/data/outputs',
    maxSizeBytes: null,
    maxFiles: null,
    maxAgeDays: null,
    minAgeMinutes: 10,
    sizeTargetPercent: 80,
    exclude: [],
    protect: [],
    action: 'delete',
    enabled: true,
    caseSensitiveGlobs: true,
    kind: 'files',
    manifestFile: null,
    retentionHours: null,
    ...overrides,
  };
}
