/**
 * Cleanup probe: removes the oldest half of ROOT's files through the executor, as a cleanup does: scan,
 * `planFolder` (a count limit of half the files, no grace period), then `executePlan` with its per-file
 * re-check. Only `executePlan` is what the reference (`find … -delete`) is timed against.
 *   node cleanup-probe.js ROOT EXPECTED_FILES
 */
import { planFolder } from '../../electron/core/plan-cleanup.js';
import { executePlan } from '../../electron/engine/executor/execute-plan.js';
import { scanFolder } from '../../electron/engine/scan/scan-folder.js';
import type { FolderRules } from '../../shared/types.js';
import { printResult } from '../lib/run-process.js';
import { columnsOf } from '../lib/entries-as-columns.js';
import { entriesOf } from '../lib/packed-entries.js';

const [root = '', expected = '0'] = process.argv.slice(2);
const files = Number(expected);

const rules: FolderRules = {
  name: 'bench',
  path: root,
  maxSizeBytes: null,
  maxFiles: Math.ceil(files / 2),
  maxAgeDays: null,
  minAgeMinutes: 0,
  sizeTargetPercent: 80,
  exclude: [],
  protect: [],
  action: 'delete',
  enabled: true,
  caseSensitiveGlobs: true,
  kind: 'files',
  manifestFile: null,
  retentionHours: null,
};

let started = performance.now();
const scan = await scanFolder(root);
const scanMs = performance.now() - started;
started = performance.now();
const plan = planFolder(columnsOf(entriesOf(scan.files)), rules, Date.now());
const planMs = performance.now() - started;
started = performance.now();
const result = await executePlan({ root, plan, rules, nowMs: Date.now });
const executeMs = performance.now() - started;
if (result.filesRemoved !== Math.floor(files / 2) || result.errors.length > 0) {
  throw new Error(
    `removed ${result.filesRemoved}, ${result.errors.length} errors, ${result.skipped.length} skipped`,
  );
}
printResult({
  scanMs,
  planMs,
  executeMs,
  filesRemoved: result.filesRemoved,
  dirsRemoved: result.removedDirs.length,
});
