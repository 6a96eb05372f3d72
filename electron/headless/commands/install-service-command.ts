/**
 * `headroom install-service [--serve] [--print]`: writes a systemd user unit (Linux) or a launchd agent
 * (macOS) that keeps `headroom run` (with `--serve`, `headroom serve`) going from login, with this
 * command's `--config` and `--data-dir`, then prints what it wrote, how to start it and how to remove it.
 * `--print` only prints. Windows: the README's Task Scheduler command. The API token is never put in the
 * file: `serve` reads it from the data folder.
 */
import { homedir } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../../engine/fs/atomic-write.js';
import type { CliCommand } from '../cli-args.js';
import { EXIT_OK, EXIT_USAGE } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { findCliScript } from '../service/cli-script.js';
import { launchdAgent, systemdUnit } from '../service/service-files.js';

/** Where the service file goes and what runs it; tests pass a temp home. */
export interface ServicePorts {
  home: string;
  platform: NodeJS.Platform;
  nodePath: string;
  cliScript: () => string;
}

const PROCESS_PORTS: ServicePorts = {
  home: homedir(),
  platform: process.platform,
  nodePath: process.execPath,
  cliScript: findCliScript,
};

export async function installServiceCommand(
  cmd: Pick<CliCommand, 'configFile' | 'dataDir' | 'serve' | 'print'>,
  io: CliIo,
  ports: ServicePorts = PROCESS_PORTS,
): Promise<number> {
  if (ports.platform !== 'linux' && ports.platform !== 'darwin') {
    io.err(
      'headroom: install-service writes a systemd unit (Linux) or a launchd agent (macOS); on Windows, ' +
        'register `headroom run` with the Task Scheduler as the README shows\n',
    );
    return EXIT_USAGE;
  }
  let script: string;
  try {
    script = ports.cliScript();
  } catch (error) {
    return (io.err(`headroom: ${(error as Error).message}\n`), EXIT_USAGE);
  }
  const argv = [ports.nodePath, script, cmd.serve ? 'serve' : 'run'];
  if (cmd.configFile !== undefined) argv.push('--config', resolve(cmd.configFile));
  if (cmd.dataDir !== undefined) argv.push('--data-dir', resolve(cmd.dataDir));
  const spec = { argv, home: ports.home };
  const file = ports.platform === 'linux' ? systemdUnit(spec) : launchdAgent(spec);
  if (cmd.print) return (io.out(file.text), EXIT_OK);
  try {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFileAtomic(file.path, file.text);
  } catch (error) {
    return (io.err(`headroom: could not write ${file.path}: ${(error as Error).message}\n`), EXIT_USAGE);
  }
  io.out(
    [
      `Wrote ${file.path}:`,
      '',
      file.text,
      'Start it now and at every login:',
      ...file.start.map((line) => `  ${line}`),
      'Stop and remove it:',
      ...file.remove.map((line) => `  ${line}`),
      '',
      // The path is pinned: nvm or an upgrade that moves Node stops the service (status then says so).
      `The service runs Node at ${ports.nodePath}; after a Node upgrade or an nvm switch that removes it, run headroom install-service again.`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
