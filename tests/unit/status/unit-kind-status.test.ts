import { describe, expect, it } from 'vitest';
import { buildFolderStatus } from '../../../electron/engine/status/build-folder-status.js';
import { folderRules } from '../../support/folder-rules.js';

const stats = { exists: true, error: null, sizeBytes: 100, fileCount: 30, oldestMtimeMs: 0 };

describe('status of a folder whose unit is not a file (issue 11)', () => {
  it('does not hold its file count against max_files, which counts tokens there', () => {
    // 30 files of 10 tokens under max_files: 10 is within the limit; counting files would say 300%, "over",
    // and start emergency cleanups that can remove nothing.
    const rules = folderRules({ kind: 'manifest', maxFiles: 10, maxSizeBytes: 1000 });
    const status = buildFolderStatus(rules, stats, 80, 0);
    expect(status.usage.count).toBeNull();
    expect(status.usagePercent).toBe(10);
    expect(status.level).toBe('ok');
    expect(status.limits.maxFiles).toBe(10);
  });

  it('still counts files against max_files in a files folder', () => {
    const status = buildFolderStatus(folderRules({ maxFiles: 10 }), stats, 80, 0);
    expect(status.usage.count).toBe(300);
    expect(status.level).toBe('over');
  });
});
