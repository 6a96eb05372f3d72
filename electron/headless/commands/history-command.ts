/** `headroom history`: past cleanup runs, newest first. */
import { countOf, formatBytes, formatCount, formatLocalTime } from '../../../shared/format.js';
import type { HistoryPage } from '../../../shared/types.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { EXIT_OK, printJson } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { renderTable } from '../text-table.js';

export async function historyCommand(
  engine: Engine,
  io: CliIo,
  limit: number | undefined,
  json: boolean,
): Promise<number> {
  const page = await engine.getHistory({ limit: limit ?? 20 });
  if (json) printJson(io, page);
  else io.out(renderHistory(page));
  if (page.damagedLines > 0)
    io.err(`headroom: skipped ${countOf(page.damagedLines, 'damaged history line')}\n`);
  return EXIT_OK;
}

export function renderHistory(page: HistoryPage): string {
  if (page.runs.length === 0) return 'No cleanup has run yet.\n';
  return renderTable(page.runs, [
    { header: 'STARTED', value: (r) => formatLocalTime(r.startedAt) },
    { header: 'TRIGGER', value: (r) => r.trigger },
    { header: 'STATUS', value: (r) => r.status.replace(/_/g, ' ') },
    { header: 'FILES', value: (r) => formatCount(r.filesRemoved), align: 'right' },
    { header: 'FREED', value: (r) => formatBytes(r.bytesFreed), align: 'right' },
    {
      header: 'ERRORS',
      value: (r) => formatCount(r.folders.reduce((n, f) => n + f.errors.length, 0)),
      align: 'right',
    },
    { header: 'FOLDERS', value: (r) => r.folders.map((f) => f.name).join(', ') },
  ]);
}
