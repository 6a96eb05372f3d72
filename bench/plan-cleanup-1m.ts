/**
 * How long planFolder takes on a folder of a million files (DESIGN.md: a temp folder of 1.7 million).
 * Run: `npx tsx bench/plan-cleanup-1m.ts [count]`. Prints wall and CPU time per plan.
 */
import { planFolder } from '../electron/core/plan-cleanup.js';
import type { FileEntry, FolderRules } from '../shared/types.js';

const count = Number(process.argv[2] ?? 1_000_000);
const nowMs = Date.UTC(2025, 5, 1);
const files: FileEntry[] = Array.from({ length: count }, (_, i) => ({
  path: `temp/session-${i % 1000}/chunk-${(i * 7919) % count}.wav`,
  sizeBytes: 1000 + (i % 5000),
  // Second-resolution mtimes over 30 days: plenty of ties, as on a busy folder.
  mtimeMs: nowMs - ((i * 104_729) % (30 * 86_400)) * 1000,
  dev: 1,
  ino: i,
}));
const rules: FolderRules = {
  name: 'temp',
  path: '/unused',
  maxSizeBytes: 1e9,
  maxFiles: 200,
  maxAgeDays: 7,
  minAgeMinutes: 10,
  sizeTargetPercent: 80,
  exclude: ['*.log'],
  protect: ['keep/'],
  action: 'delete',
  enabled: true,
};

for (let round = 0; round < 3; round++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const plan = planFolder(files, rules, nowMs);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `${count} files: ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${plan.remove.length} planned`,
  );
}
