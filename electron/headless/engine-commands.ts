/**
 * The commands that run on an engine, each loaded only when it is the one asked for: `status` never loads
 * serve's HTTP server, the consent prompt or the detector's code (#17: a CLI call's fixed cost is mostly
 * loading code).
 */
import type { Engine } from '../engine/runtime/engine-types.js';
import type { CliCommand, CommandName } from './cli-args.js';
import type { CliIo } from './cli-io.js';

export type EngineCommand = (engine: Engine, cmd: CliCommand, io: CliIo) => Promise<number>;
export type EngineCommandName = Exclude<CommandName, 'token' | 'install-service'>;

export const ENGINE_COMMANDS: Record<EngineCommandName, () => Promise<EngineCommand>> = {
  status: async () => {
    const { statusCommand } = await import('./commands/status-command.js');
    return (engine, cmd, io) => statusCommand(engine, io, cmd.json);
  },
  preview: async () => {
    const { previewCommand } = await import('./commands/preview-command.js');
    return (engine, cmd, io) => previewCommand(engine, io, cmd.folders, cmd.json);
  },
  clean: async () => {
    const { cleanCommand } = await import('./commands/clean-command.js');
    return (engine, cmd, io) => cleanCommand(engine, io, cmd);
  },
  history: async () => {
    const { historyCommand } = await import('./commands/history-command.js');
    return (engine, cmd, io) => historyCommand(engine, io, cmd.limit, cmd.json);
  },
  'check-config': async () => {
    const { checkConfigCommand } = await import('./commands/check-config-command.js');
    return (engine, cmd, io) => checkConfigCommand(engine, io, cmd.json);
  },
  detect: async () => {
    const { detectCommand } = await import('./commands/detect-command.js');
    return (engine, cmd, io) =>
      detectCommand(engine, io, { dirs: cmd.dirs, write: cmd.write, json: cmd.json });
  },
  run: async () => (await import('./commands/run-command.js')).runCommand,
  serve: async () => (await import('./serve/serve-command.js')).serveCommand,
};
