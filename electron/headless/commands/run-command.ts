/**
 * `headroom run [--json]`: keeps the engine running (watchers, schedule, emergency cleanups) until SIGINT
 * or SIGTERM. With `--json`, one JSON object per line and event, each with a `type`; a snapshot carries the
 * same folder fields as `status --json`. The caller disposes the engine: a removal in progress finishes its
 * current file and the run is recorded.
 */
import type { EventName, EventPayloads } from '../../../shared/bridge.js';
import { countOf, formatBytes, formatLocalTime } from '../../../shared/format.js';
import type { Engine } from '../../engine/runtime/engine-types.js';
import type { CliCommand } from '../cli-args.js';
import { EXIT_OK } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { waitForStopSignal } from '../stop-signal.js';
import { runWritesJson } from '../cli-log.js';
import { cliStyle, type CliStyle } from '../cli-style.js';

const PRINTED: readonly EventName[] = [
  'snapshot',
  'warning',
  'cleanupStarted',
  'cleanupFinished',
  'configError',
];

export async function runCommand(engine: Engine, cmd: CliCommand, io: CliIo): Promise<number> {
  const json = runWritesJson(cmd, io);
  const print = json ? jsonLine(io) : humanLine(io, cliStyle(io.isTerminal?.() ?? false));
  const unsubscribe = PRINTED.map((name) => engine.on(name, (payload) => print(name, payload)));
  print('snapshot', await engine.getSnapshot());
  if (!json) io.err(`headroom: running on ${engine.configFile}; stop with Ctrl+C\n`);
  const signal = await waitForStopSignal();
  for (const dispose of unsubscribe) dispose();
  if (!json) io.err(`headroom: ${signal}: stopping\n`);
  return EXIT_OK;
}

type Printer = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

function jsonLine(io: CliIo): Printer {
  return (name, payload) => io.out(JSON.stringify({ type: name, ...payload }) + '\n');
}

function humanLine(io: CliIo, style: CliStyle): Printer {
  let lastLevels = '';
  return (name, payload) => {
    const line = describe(name, payload as never, style);
    if (name === 'snapshot') {
      // A snapshot comes several times a second while files change; print it only when a level changes.
      if (line === lastLevels) return;
      lastLevels = line ?? '';
    }
    if (line) io.out(`${formatLocalTime(Date.now())}  ${line}\n`);
  };
}

function describe(name: EventName, payload: EventPayloads[EventName], style: CliStyle): string | null {
  switch (name) {
    case 'snapshot': {
      const s = payload as EventPayloads['snapshot'];
      // A folder still in its first scan has no level yet (`run` answers before scans end).
      const levelOf = (f: (typeof s.folders)[number]) =>
        f.scanning ? 'scanning…' : style.level(f.level, f.level);
      const levels = s.folders.map((f) => `${f.name} ${levelOf(f)}`).join(', ');
      return levels || 'no folders configured';
    }
    case 'warning':
      return `warning: ${(payload as EventPayloads['warning']).message}`;
    case 'cleanupStarted': {
      const p = payload as EventPayloads['cleanupStarted'];
      return `cleanup (${p.trigger}) started: ${p.folders.join(', ')}`;
    }
    case 'cleanupFinished': {
      const r = payload as EventPayloads['cleanupFinished'];
      const status = r.status.replace(/_/g, ' ');
      return `cleanup (${r.trigger}) ${status}: removed ${countOf(r.filesRemoved, 'file')}, ${formatBytes(r.bytesFreed)}`;
    }
    case 'configError':
      return `configuration problem: ${(payload as EventPayloads['configError']).issues[0]?.message ?? 'invalid'}`;
    default:
      return null;
  }
}
