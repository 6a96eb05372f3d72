/**
 * Which token `serve` uses, in order: `--token-file FILE`, the `HEADROOM_TOKEN` environment variable, the
 * data folder's own `api-token` (created on first use, kept across restarts). There is deliberately no
 * option that takes the token itself: a command line is readable by every local user (`ps`).
 */
import { parseToken, storedToken, tokenFile } from '../../engine/fs/api-token.js';
import { fileToken, fixedToken } from './token-source.js';
import type { TokenSource } from './token-source.js';

export const TOKEN_ENV = 'HEADROOM_TOKEN';

export interface TokenChoice {
  tokenFile: string | undefined;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  log: (message: string) => void;
}

/** The token source, with where it came from for the start-up line; throws a sentence on a bad token. */
export async function resolveToken(choice: TokenChoice): Promise<{ source: TokenSource; from: string }> {
  if (choice.tokenFile !== undefined) {
    return { source: await fileToken(choice.tokenFile, choice.log), from: choice.tokenFile };
  }
  const fromEnv = choice.env[TOKEN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const parsed = parseToken(fromEnv, TOKEN_ENV);
    if ('error' in parsed) throw new Error(parsed.error);
    return { source: fixedToken(parsed.token), from: TOKEN_ENV };
  }
  await storedToken(choice.dataDir);
  const file = tokenFile(choice.dataDir);
  return { source: await fileToken(file, choice.log), from: file };
}
