/** `headroom status`: every folder's usage against its limits. */
import { folderProblem } from '../../../shared/folder-problem.js';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatLocalTime,
  formatPercent,
  scheduleText,
  SCHEDULE_STOPPED_TEXT,
} from '../../../shared/format.js';
import { MS_PER_DAY } from '../../../shared/units.js';
import type { FolderStatus, Snapshot } from '../../../shared/types.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { EXIT_OK, printJson } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { cliStyle, PLAIN, type CliStyle } from '../cli-style.js';
import { renderTable } from '../text-table.js';

export async function statusCommand(engine: Engine, io: CliIo, json: boolean): Promise<number> {
  const snapshot = await engine.getSnapshot();
  if (json) printJson(io, { folders: snapshot.folders, schedule: snapshot.schedule });
  else io.out(renderStatus(snapshot, cliStyle(io.isTerminal?.() ?? false)));
  return EXIT_OK;
}

/** The table and the schedule line; `style` colours each level (plain unless stdout is a terminal). */
export function renderStatus(snapshot: Snapshot, style: CliStyle = PLAIN): string {
  if (snapshot.folders.length === 0) return 'No folders are configured.\n';
  const table = renderTable(snapshot.folders, [
    { header: 'FOLDER', value: (f) => f.name },
    {
      header: 'SIZE',
      value: (f) => ofLimit(formatBytes(f.sizeBytes), f.limits.maxSizeBytes, formatBytes),
      align: 'right',
    },
    {
      header: 'FILES',
      value: (f) => ofLimit(formatCount(f.fileCount), f.limits.maxFiles, formatCount),
      align: 'right',
    },
    { header: 'OLDEST', value: (f) => oldest(f, snapshot.takenAtMs), align: 'right' },
    { header: 'USAGE', value: (f) => formatPercent(f.usagePercent), align: 'right' },
    {
      header: 'LEVEL',
      value: (f) => levelText(f),
      paint: (f, text) => (f.enabled && f.exists && !f.error ? style.level(f.level, text) : text),
    },
    { header: 'PATH', value: (f) => f.path },
  ]);
  // What keeps a folder from being measured, and what to do, under the table where a column is too narrow.
  const problems = snapshot.folders
    .filter((f) => f.enabled)
    .map(folderProblem)
    .filter((p): p is string => p !== null)
    .map((p) => `warning: ${p}\n`)
    .join('')
    .concat(snapshot.folders.map(lastUseNote).join(''));
  const s = snapshot.schedule;
  const last = `last cleanup ${s.lastRunAt ? formatLocalTime(s.lastRunAt) : 'never'}`;
  if (s.intervalHours === null && !s.at)
    return `${table}
${problems}Scheduled cleanup is off; ${last}.
${ownSchedules(s)}`;
  const next = s.stopped
    ? SCHEDULE_STOPPED_TEXT.charAt(0).toLowerCase() + SCHEDULE_STOPPED_TEXT.slice(1)
    : s.pausedUntil
      ? `paused until ${formatLocalTime(s.pausedUntil)}`
      : `next cleanup ${s.nextRunAt ? formatLocalTime(s.nextRunAt) : 'at start-up'}`;
  const when = scheduleText(s);
  return `${table}\n${problems}${when.charAt(0).toUpperCase()}${when.slice(1)}; ${last}; ${next}.\n${ownSchedules(s)}`;
}

/** One line per folder with its own `schedule:`: its rule and its next run. */
function ownSchedules(s: Snapshot['schedule']): string {
  return (s.folders ?? [])
    .filter((f) => f.own)
    .map((f) => {
      const next = s.stopped
        ? 'stopped'
        : `next cleanup ${f.nextRunAt ? formatLocalTime(f.nextRunAt) : 'never (off)'}`;
      return `  ${f.name}: its own schedule, ${scheduleText(f)}; ${next}.\n`;
    })
    .join('');
}

function ofLimit(value: string, limit: number | null, format: (n: number) => string): string {
  return limit === null ? value : `${value} / ${format(limit)}`;
}

/** "6 days / 7 days", and how many files are past the age limit when some are ("9 days / 7 days, 3 past"). */
function oldest(f: FolderStatus, nowMs: number): string {
  const age = f.oldestMtimeMs === null ? '—' : formatDuration(Math.max(0, nowMs - f.oldestMtimeMs));
  if (f.limits.maxAgeDays === null) return age;
  const past = f.filesPastMaxAge ? `, ${formatCount(f.filesPastMaxAge)} past` : '';
  return `${age} / ${formatDuration(f.limits.maxAgeDays * MS_PER_DAY)}${past}`;
}

function levelText(f: FolderStatus): string {
  if (!f.enabled) return 'disabled';
  if (!f.exists) return 'missing';
  if (f.error) return `error: ${f.error}`;
  return f.level;
}

/** For a model cache: whether its units' last use (their age) is read from access or modification times. */
function lastUseNote(f: FolderStatus): string {
  if (f.lastUseFrom === 'access') return `${f.name}: last use is read from access times\n`;
  if (f.lastUseFrom === 'modification')
    return `${f.name}: last use is read from modification times (this mount records no access times)\n`;
  return '';
}
