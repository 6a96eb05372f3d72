/**
 * `headroom token [--rotate] [--json]`: prints the API token `serve` uses by default (the data folder's
 * `api-token`, created when missing), or replaces it with a fresh one. A running `serve` that reads that
 * file takes a new token at its next request. stdout only: the token is a secret of the user's own.
 */
import { ensurePrivateDataDir } from '../../engine/fs/private-data-dir.js';
import { rotateToken, storedToken, tokenFile } from '../../engine/fs/api-token.js';
import { DATA_FILES } from '../../engine/runtime/create-engine.js';
import type { CliCommand } from '../cli-args.js';
import { EXIT_OK, EXIT_USAGE, printJson } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { TOKEN_ENV } from '../serve/resolve-token.js';

export async function tokenCommand(
  dataDir: string,
  cmd: Pick<CliCommand, 'rotate' | 'json'>,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let token: string;
  try {
    await ensurePrivateDataDir(dataDir, DATA_FILES);
    token = await (cmd.rotate ? rotateToken(dataDir) : storedToken(dataDir));
  } catch (error) {
    return (io.err(`headroom: ${(error as Error).message}\n`), EXIT_USAGE);
  }
  const file = tokenFile(dataDir);
  if (cmd.json) printJson(io, { token, file, rotated: cmd.rotate });
  else io.out(`${token}\n`);
  if (env[TOKEN_ENV]) {
    io.err(`headroom: note: ${TOKEN_ENV} is set, and serve uses it rather than this stored token\n`);
  }
  return EXIT_OK;
}
