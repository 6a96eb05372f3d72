/**
 * The `headroom` command line: one engine per invocation, one command, exit codes 0 (success), 1 (the run
 * had errors) and 2 (usage or configuration error, message on stderr). Only the argument parser is loaded
 * up front; the engine and each command's code are imported when a command needs them (#17: `--version`
 * and `--help` load nothing else, `status` loads no server and no consent prompt).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { Engine } from '../engine/runtime/engine-types.js';
import { defaultDataDir } from '../engine/fs/default-data-dir.js';
import packageJson from '../../package.json' with { type: 'json' };
import { parseCliArgs, USAGE } from './cli-args.js';
import type { CliCommand } from './cli-args.js';
import { EXIT_RUN_ERRORS, EXIT_USAGE, processIo } from './cli-io.js';
import type { CliIo } from './cli-io.js';
import { runLog, runWritesJson } from './cli-log.js';
import { ENGINE_COMMANDS } from './engine-commands.js';

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
  if (cmd.command === 'token') {
    const { tokenCommand } = await import('./commands/token-command.js');
    return tokenCommand(dataDir, cmd, io);
  }
  if (cmd.command === 'install-service') {
    const { installServiceCommand } = await import('./commands/install-service-command.js');
    return installServiceCommand(cmd, io);
  }
  if (isLive(cmd)) {
    const { keepYoungGenerationSmall } = await import('../engine/fs/young-generation.js');
    keepYoungGenerationSmall();
  }
  // The installed service is read back while the engine starts: it needs neither the engine nor the lock.
  const serviceProblem = reportsService(cmd) ? installedServiceWarning() : Promise.resolve(null);
  serviceProblem.catch(() => undefined); // awaited, and any failure reported, below
  const [command, { createEngine }] = await Promise.all([
    ENGINE_COMMANDS[cmd.command](),
    import('../engine/runtime/create-engine.js'),
  ]);
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
    const problem = await serviceProblem;
    if (problem !== null) io.err(`headroom: warning: ${problem}\n`);
    return await command(engine, cmd, io);
  } catch (error) {
    // The engine has loaded the bridge's module by now: importing it here costs nothing.
    const { BridgeError } = await import('../../shared/bridge.js');
    if (error instanceof BridgeError) return (io.err(`headroom: ${error.message}\n`), EXIT_USAGE);
    io.err(`headroom: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_RUN_ERRORS;
  } finally {
    await engine.dispose();
  }
}

/** Why a service install-service wrote can no longer start (its Node moved), or null; said where people look. */
async function installedServiceWarning(): Promise<string | null> {
  const { installedServiceProblem } = await import('./service/installed-service.js');
  return installedServiceProblem(homedir(), process.platform);
}

function reportsService(cmd: CliCommand): boolean {
  return cmd.command === 'status' || cmd.command === 'check-config';
}

function isLive(cmd: CliCommand): boolean {
  return cmd.command === 'run' || cmd.command === 'serve';
}

/** Prints configuration problems; false when there is no usable configuration at all. */
async function reportConfigError(engine: Engine, io: CliIo): Promise<boolean> {
  const view = await engine.getConfig();
  if (!view.error) return true;
  const { formatConfigIssue } = await import('../../shared/config-issue.js');
  for (const issue of view.error.issues) io.err(formatConfigIssue(issue) + '\n');
  return view.error.usingLastGood;
}
