/**
 * The `headroom` command line: one engine per invocation, one command, exit codes 0 (success), 1 (the run
 * had errors) and 2 (usage or configuration error, message on stderr).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { BridgeError } from '../../shared/bridge.js';
import { formatConfigIssue } from '../../shared/config-issue.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine-types.js';
import { defaultDataDir } from '../engine/paths/default-data-dir.js';
import packageJson from '../../package.json' with { type: 'json' };
import { parseCliArgs, USAGE } from './cli-args.js';
import type { CliCommand } from './cli-args.js';
import { EXIT_RUN_ERRORS, EXIT_USAGE, processIo } from './cli-io.js';
import type { CliIo } from './cli-io.js';
import { checkConfigCommand } from './commands/check-config-command.js';
import { cleanCommand } from './commands/clean-command.js';
import { detectCommand } from './commands/detect-command.js';
import { historyCommand } from './commands/history-command.js';
import { previewCommand } from './commands/preview-command.js';
import { runLog, runWritesJson } from './commands/run-command.js';
import { statusCommand } from './commands/status-command.js';
import { tokenCommand } from './commands/token-command.js';
import { installServiceCommand } from './commands/install-service-command.js';
import { HOST_COMMANDS } from './host-commands.js';
import { installedServiceProblem } from './service/installed-service.js';

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') return (io.out(USAGE), 0);
  if (parsed.kind === 'version') return (io.out(`headroom ${packageJson.version}\n`), 0);
  if (parsed.kind === 'error')
    return (io.err(`headroom: ${parsed.message}\nRun "headroom --help" for usage.\n`), EXIT_USAGE);
  if (parsed.kind !== 'command') return EXIT_USAGE;
  const cmd = parsed.cmd;
  const configFile = cmd.configFile === undefined ? undefined : resolve(cmd.configFile);
  if (configFile !== undefined && !existsSync(configFile)) {
    return (io.err(`headroom: config file not found: ${configFile}\n`), EXIT_USAGE);
  }
  const dataDir = resolve(cmd.dataDir ?? defaultDataDir());
  // The token needs only the data folder: no engine, no lock, so it works beside a running serve.
  if (cmd.command === 'token') return tokenCommand(dataDir, cmd, io);
  if (cmd.command === 'install-service') return installServiceCommand(cmd, io);
  let engine: Engine;
  try {
    engine = await createEngine({
      dataDir,
      configFile,
      live: isLive(cmd),
      log: runLog(io, cmd.command === 'run' && runWritesJson(cmd, io)),
    });
  } catch (error) {
    return (io.err(`headroom: could not start: ${(error as Error).message}\n`), EXIT_USAGE);
  }
  try {
    if (cmd.command !== 'check-config' && !(await reportConfigError(engine, io))) return EXIT_USAGE;
    if (cmd.command === 'status' || cmd.command === 'check-config') await reportServiceProblem(io);
    return await runCommand(engine, cmd, io);
  } catch (error) {
    if (error instanceof BridgeError) return (io.err(`headroom: ${error.message}\n`), EXIT_USAGE);
    io.err(`headroom: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_RUN_ERRORS;
  } finally {
    await engine.dispose();
  }
}

/** A service install-service wrote that can no longer start (its Node moved): said where people look. */
async function reportServiceProblem(io: CliIo): Promise<void> {
  const problem = await installedServiceProblem(homedir(), process.platform);
  if (problem !== null) io.err(`headroom: warning: ${problem}\n`);
}

function isLive(cmd: CliCommand): boolean {
  return cmd.command === 'run' || cmd.command === 'serve';
}

/** Prints configuration problems; false when there is no usable configuration at all. */
async function reportConfigError(engine: Engine, io: CliIo): Promise<boolean> {
  const view = await engine.getConfig();
  if (!view.error) return true;
  for (const issue of view.error.issues) io.err(formatConfigIssue(issue) + '\n');
  return view.error.usingLastGood;
}

function runCommand(engine: Engine, cmd: CliCommand, io: CliIo): Promise<number> {
  switch (cmd.command) {
    case 'status':
      return statusCommand(engine, io, cmd.json);
    case 'preview':
      return previewCommand(engine, io, cmd.folders, cmd.json);
    case 'clean':
      return cleanCommand(engine, io, cmd);
    case 'history':
      return historyCommand(engine, io, cmd.limit, cmd.json);
    case 'check-config':
      return checkConfigCommand(engine, io, cmd.json);
    case 'detect':
      return detectCommand(engine, io, { dirs: cmd.dirs, write: cmd.write, json: cmd.json });
    case 'run':
    case 'serve':
      return HOST_COMMANDS[cmd.command](engine, cmd, io);
    case 'token':
      return tokenCommand(engine.dataDir, cmd, io);
    case 'install-service':
      return installServiceCommand(cmd, io);
  }
}
