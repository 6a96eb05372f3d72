/** Where the engine's diagnostics go on the command line, decided before the engine (and `run`) is loaded. */
import type { LogFn } from '../engine/ports.js';
import type { CliCommand } from './cli-args.js';
import type { CliIo } from './cli-io.js';

/**
 * `run` prints JSON lines with `--json`, and also whenever its output is not a terminal: under systemd,
 * launchd or a pipe, a log collector reads one object per line better than text meant for a person.
 */
export function runWritesJson(cmd: Pick<CliCommand, 'json'>, io: CliIo): boolean {
  return cmd.json || !(io.isTerminal?.() ?? false);
}

/**
 * `run --json` also reports the engine's diagnostics: `{ type: 'error', message }` for a failure,
 * `{ type: 'log', level: 'warning', message }` for something noticed and corrected (index drift, a watch
 * fallback), so a script that watches for errors sees only failures.
 */
export function runLog(io: CliIo, json: boolean): LogFn {
  return (message, level = 'error') => {
    if (!json) return io.err(`headroom: ${level === 'warning' ? 'warning: ' : ''}${message}\n`);
    const line = level === 'error' ? { type: 'error', message } : { type: 'log', level, message };
    io.out(JSON.stringify(line) + '\n');
  };
}
