/**
 * `headroom clean`: clean now, all folders or the named ones; exit 1 when the run had errors. SIGINT or
 * SIGTERM cancels the run: the file in hand finishes, the run is recorded and printed with its true
 * totals, and the exit code is the signal's (130, 143); a second signal exits at once.
 */
import { displayName } from '../../../shared/byte-names.js';
import { countOf, formatCount, spaceSummary } from '../../../shared/format.js';
import type { ConfigImpact, RunRecord } from '../../../shared/types.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import { EXIT_OK, EXIT_RUN_ERRORS, EXIT_USAGE, printJson } from '../cli-io.js';
import { confirmImpact, terminalAsk, type ConsentOptions } from '../consent-prompt.js';
import type { CliIo } from '../cli-io.js';
import { ProgressLine } from '../progress-line.js';
import { onStopSignals, signalExitCode } from '../stop-signal.js';

const MAX_LISTED = 50;

export async function cleanCommand(
  engine: Engine,
  io: CliIo,
  options: { folders: string[]; dryRun: boolean; json: boolean; yes: boolean },
  ask: ConsentOptions['ask'] = terminalAsk(),
): Promise<number> {
  // A clean is the user's say on rules changed on disk: it applies them, once their impact is agreed.
  if (!options.dryRun) {
    const pending = onlyFolders(await engine.checkConfigImpact({}), options.folders);
    const lead = 'config.yaml changed on disk: cleaning now applies its new rules, which remove';
    if (!(await confirmImpact(io, pending, lead, { yes: options.yes, ask }))) return EXIT_USAGE;
  }
  const signals = onStopSignals((signal) => {
    const again = signal === 'SIGINT' ? 'Ctrl+C' : signal;
    io.err(`headroom: ${signal}: stopping after the file in hand; a second ${again} quits at once\n`);
    void engine.cancelCleanup({}).catch(() => undefined);
  });
  // A dry run removes nothing and reports no progress; a real one shows it on a terminal (progress-line.ts).
  const progress = io.errIsTerminal?.() ? new ProgressLine({ write: io.err, nowMs: () => Date.now() }) : null;
  const stopProgress = progress ? engine.on('cleanupProgress', (p) => progress.update(p)) : () => undefined;
  let record: RunRecord;
  try {
    record = await engine.runCleanup({ folders: options.folders, dryRun: options.dryRun });
  } finally {
    stopProgress();
    progress?.finish();
    signals.dispose();
  }
  if (options.json) printJson(io, record);
  else io.out(renderRun(record));
  const signal = signals.received();
  if (signal !== null) return signalExitCode(signal);
  return record.status === 'completed' || record.status === 'cancelled' ? EXIT_OK : EXIT_RUN_ERRORS;
}

/** The impact within the folders a clean names (all of them when it names none). */
function onlyFolders(impact: ConfigImpact, names: readonly string[]): ConfigImpact {
  if (names.length === 0) return impact;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const folders = impact.folders.filter((f) => wanted.has(f.name.toLowerCase()));
  const files = folders.reduce((sum, f) => sum + f.files, 0);
  const bytes = folders.reduce((sum, f) => sum + f.bytes, 0);
  return { ...impact, folders, files, bytes };
}

/**
 * A run for people, the outcome first: "Removed 12 files, 4.1 MB freed — cleanup completed (manual, run
 * 2026…)." then a line per folder and what was skipped or failed.
 */
export function renderRun(record: RunRecord): string {
  const verb = record.dryRun ? 'would remove' : 'removed';
  const what = record.dryRun ? 'dry run' : 'cleanup';
  const outcome = `${verb} ${countOf(record.filesRemoved, 'file')}, ${spaceSummary(record.folders)}`;
  const lines = [
    `${outcome.charAt(0).toUpperCase()}${outcome.slice(1)} — ${what} ${record.status.replace(/_/g, ' ')} ` +
      `(${record.trigger}, run ${record.id}).`,
  ];
  for (const f of record.folders) {
    lines.push(
      `  ${f.name}: ${verb} ${countOf(f.filesRemoved, 'file')} (${spaceSummary([f])}), ` +
        `${formatCount(f.skipped.length)} skipped, ${countOf(f.errors.length, 'error')}`,
    );
    // Whole units first (tokens, revisions): what became of each, then the files as for any folder.
    for (const u of (f.units ?? []).slice(0, MAX_LISTED))
      lines.push(
        `    ${record.dryRun && u.outcome === 'removed' ? 'would remove' : u.outcome} ${displayName(u.label)}${u.detail ? ` (${displayName(u.detail)})` : ''}`,
      );
    const moreUnits = (f.units ?? []).length - MAX_LISTED;
    if (moreUnits > 0) lines.push(`    … and ${countOf(moreUnits, 'more unit')} (--json lists all)`);
    // Names (and details that quote them) through displayName: a byte that is not UTF-8 shows as \xNN.
    for (const s of f.skipped.slice(0, MAX_LISTED))
      lines.push(
        `    skipped ${displayName(s.path)}: ${s.why}${s.detail ? ` (${displayName(s.detail)})` : ''}`,
      );
    for (const e of f.errors.slice(0, MAX_LISTED))
      lines.push(`    error ${displayName(e.path)}: ${withCode(e.code, displayName(e.message))}`);
    for (const note of f.notes) lines.push(`    note: ${note}`);
  }
  return lines.join('\n') + '\n';
}

/** "EPERM: operation not permitted, …": Node's messages start with their code already, so it is said once. */
function withCode(code: string, message: string): string {
  return message.startsWith(code) ? message : `${code}: ${message}`;
}
