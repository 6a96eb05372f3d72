/** The long-running commands: they hold a live engine until SIGINT or SIGTERM. */
import type { Engine } from '../engine/engine-types.js';
import type { CliCommand } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { runCommand } from './commands/run-command.js';
import { serveCommand } from './serve/serve-command.js';

type HostCommand = (engine: Engine, cmd: CliCommand, io: CliIo) => Promise<number>;

export const HOST_COMMANDS: Record<'run' | 'serve', HostCommand> = { run: runCommand, serve: serveCommand };
