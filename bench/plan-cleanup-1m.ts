/**
 * How long planFolder takes on a folder of a million files (DESIGN.md: a temp folder of 1.7 million), and
 * how much memory a plan costs. Run: `npx tsx --expose-gc bench/plan-cleanup-1m.ts [count] [entries|packed] [few]`.
 *
 * - `entries`: plans from an array of FileEntry objects, built beforehand and copied into columns inside the timing.
 * - `packed` (default): plans from the scan's PackedFiles columns, as `headroom run` does
 *   (electron/engine/cleanup/plan-folders.ts).
 *
 * Prints wall and CPU time per plan, then the memory the plan added over the input: heap used right after
 * the plan (garbage included), heap still held once the plan is dropped and collected, and the growth of
 * the process's peak RSS. Run one mode per process: RSS peaks do not come back down.
 */
import { planFolder } from '../electron/core/plan-cleanup.js';
import { PackedFiles, PackedFilesBuilder } from '../electron/engine/scan/packed-files.js';
import type { FileEntry, FolderRules } from '../shared/types.js';
import { columnsOf } from './lib/entries-as-columns.js';

const count = Number(process.argv[2] ?? 1_000_000);
const mode = process.argv[3] ?? 'packed';
// `few`: limits a busy folder meets but for a thousand files, so the plan's own cost is not hidden by its output.
const few = process.argv[4] === 'few';
const nowMs = Date.UTC(2025, 5, 1);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const MB = 1024 ** 2;

function pathOf(i: number): string {
  return `temp/session-${i % 1000}/chunk-${(i * 7919) % count}.wav`;
}

function entryOf(i: number): FileEntry {
  return {
    path: pathOf(i),
    sizeBytes: 1000 + (i % 5000),
    // Second-resolution mtimes over 30 days: plenty of ties, as on a busy folder.
    mtimeMs: nowMs - ((i * 104_729) % (30 * 86_400)) * 1000,
    dev: 1,
    ino: i,
  };
}

function makeEntries(): FileEntry[] {
  const entries: FileEntry[] = [];
  const anything = /./;
  for (let i = 0; i < count; i++) {
    const entry = entryOf(i);
    // A template literal is a tree of string pieces until something flattens it; a scan's paths are flat.
    // Flatten now, or the first plan's glob test would free that tree and hide its own cost.
    anything.test(entry.path);
    entries.push(entry);
  }
  return entries;
}

/** Packs the files one by one, as a scan does: no array of entries inflates the peak RSS beforehand. */
function makePacked(): PackedFiles {
  const builder = new PackedFilesBuilder(count);
  const encoder = new TextEncoder();
  for (let i = 0; i < count; i++) {
    const e = entryOf(i);
    builder.add(encoder.encode(e.path), 0, e.sizeBytes, e.mtimeMs, e.dev, e.ino);
  }
  return builder.build();
}

const rules: FolderRules = {
  name: 'temp',
  path: '/unused',
  maxSizeBytes: few ? null : 1e9,
  maxFiles: few ? count - 1000 : 200,
  maxAgeDays: few ? null : 7,
  minAgeMinutes: 10,
  sizeTargetPercent: 80,
  exclude: ['*.log'],
  protect: ['keep/'],
  action: 'delete',
  enabled: true,
  caseSensitiveGlobs: true,
  kind: 'files',
  manifestFile: null,
  retentionHours: null,
};

const input: readonly FileEntry[] | PackedFiles = mode === 'entries' ? makeEntries() : makePacked();

function planOnce(): ReturnType<typeof planFolder> {
  // Entries are turned into columns inside the timing, as the planner once did itself.
  return planFolder(input instanceof PackedFiles ? input : columnsOf(input), rules, nowMs);
}

/** Collects twice: one pass can leave what finalisers freed. */
function collect(): void {
  gc();
  gc();
}

/**
 * The plan's memory, measured inside a function: a top-level variable set to null can stay reachable
 * from the module's own frame, and the collection would miss it.
 */
function measureMemory(): void {
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssPeakBefore = process.resourceUsage().maxRSS * 1024;
  const { planned, heapAfter } = planAndForget();
  collect();
  const heapHeld = process.memoryUsage().heapUsed;
  const rssPeakAfter = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${mode} memory for one plan (${planned} planned): heap +${((heapAfter - heapBefore) / MB).toFixed(1)} MB ` +
      `right after, +${((heapHeld - heapBefore) / MB).toFixed(1)} MB held after GC, ` +
      `peak RSS +${((rssPeakAfter - rssPeakBefore) / MB).toFixed(1)} MB`,
  );
}

function planAndForget(): { planned: number; heapAfter: number } {
  const plan = planOnce();
  return { planned: plan.remove.length, heapAfter: process.memoryUsage().heapUsed };
}

// Memory first: the peak RSS of later rounds would hide the first plan's growth.
measureMemory();

for (let round = 0; round < 3; round++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const plan = planOnce();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `${mode} ${count} files: ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${plan.remove.length} planned`,
  );
}
