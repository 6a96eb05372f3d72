/**
 * `headroom serve`: the dashboard in a browser. Loopback by default; prints the link with its token (stdout
 * is the user's own); `--open` hands the browser a one-time link instead, since an opener's command line is
 * public. Runs until SIGINT/SIGTERM, then closes the server (the CLI disposes the engine after, which lets a
 * running cleanup finish its current file).
 */
import type { Engine } from '../../engine/runtime/engine-types.js';
import type { CliCommand } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { EXIT_OK, EXIT_USAGE } from '../cli-io.js';
import { launchDetached, openBrowser } from './open-browser.js';
import type { LaunchDetached } from './open-browser.js';
import { findRendererDir } from './renderer-dir.js';
import { dashboardLink, startServer } from './start-server.js';
import type { ServeHandle, ServerOptions } from './start-server.js';
import { resolveToken } from './resolve-token.js';
import type { TokenSource } from './token-source.js';
import { waitForStopSignal } from '../stop-signal.js';

export const DEFAULT_PORT = 8765;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** What `serve` needs from its surroundings; tests replace them. */
export interface ServePorts {
  /** Starts the browser opener. */
  launch: LaunchDetached;
  /** Resolves when serve should stop (SIGINT or SIGTERM). */
  waitForStop: () => Promise<NodeJS.Signals>;
  /** The built dashboard folder; throws a sentence when there is none. */
  rendererDir: () => string;
  /** Where `HEADROOM_TOKEN` is looked up. */
  env: NodeJS.ProcessEnv;
}

const PROCESS_PORTS: ServePorts = {
  launch: launchDetached,
  waitForStop: waitForStopSignal,
  rendererDir: () => findRendererDir(),
  env: process.env,
};

/** The `serve` entry of ENGINE_COMMANDS. */
export async function serveCommand(
  engine: Engine,
  cmd: CliCommand,
  io: CliIo,
  ports: ServePorts = PROCESS_PORTS,
): Promise<number> {
  const host = cmd.host ?? '127.0.0.1';
  let rendererDir: string;
  try {
    rendererDir = ports.rendererDir();
  } catch (error) {
    return (io.err(`headroom: ${(error as Error).message}\n`), EXIT_USAGE);
  }
  if (!LOOPBACK.has(host.toLowerCase())) {
    io.err(
      `headroom: warning: listening on ${host}: the dashboard is reachable from the network ` +
        '(the token is still required; anyone who sees the link can use it)\n',
    );
  }
  let token: TokenSource;
  try {
    const log = (message: string) => io.err(message + '\n');
    const resolved = await resolveToken({
      tokenFile: cmd.tokenFile,
      env: ports.env,
      dataDir: engine.dataDir,
      log,
    });
    token = resolved.source;
    io.err(`headroom: API token from ${resolved.from}\n`);
  } catch (error) {
    return (io.err(`headroom: ${(error as Error).message}\n`), EXIT_USAGE);
  }
  const options = { host, token, rendererDir, maxBodyBytes: cmd.maxBodyBytes };
  const handle = await listenWithFallback(engine, options, cmd.port, io);
  if (typeof handle === 'string') return (io.err(`headroom: ${handle}\n`), EXIT_USAGE);
  io.out(`Headroom dashboard: ${dashboardLink(handle)}\n`);
  if (cmd.open) {
    openBrowser(handle.oneTimeLink(), ports.launch).catch((error: Error) =>
      io.err(`headroom: warning: ${error.message}\n`),
    );
  }
  const signal = await ports.waitForStop();
  io.err(`headroom: ${signal}: stopping the dashboard\n`);
  await handle.close();
  return EXIT_OK;
}

/** The default port falls back to a random one when busy; an explicit `--port` does not. */
async function listenWithFallback(
  engine: Engine,
  options: Omit<ServerOptions, 'port'>,
  port: number | undefined,
  io: CliIo,
): Promise<ServeHandle | string> {
  const { host } = options;
  try {
    return await startServer(engine, { ...options, port: port ?? DEFAULT_PORT });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE') return `cannot listen on ${host}: ${(error as Error).message}`;
    if (port !== undefined) return `port ${port} is in use; choose another with --port, or --port 0 for any`;
    io.err(`headroom: port ${DEFAULT_PORT} is in use; using a random free port instead\n`);
    return startServer(engine, { ...options, port: 0 }).catch(
      (again: Error) => `cannot listen on ${host}: ${again.message}`,
    );
  }
}
