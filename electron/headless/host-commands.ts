/** The long-running commands (`run`, `serve`); built in the live-engine and dashboard issues. */
import type { Engine } from '../engine/engine-types.js';
import type { CliCommand } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { EXIT_USAGE } from './cli-io.js';
import { serveCommand } from './serve/serve-command.js';

type HostCommand = (engine: Engine, cmd: CliCommand, io: CliIo) => Promise<number>;

const notYet: HostCommand = async (_engine, cmd, io) => {
  io.err(`headroom: "${cmd.command}" is not available in this build yet\n`);
  return EXIT_USAGE;
};

export const HOST_COMMANDS: Record<'run' | 'serve', HostCommand> = { run: notYet, serve: serveCommand };
