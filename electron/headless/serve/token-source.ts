/**
 * Where `serve` gets the token each request must carry: a fixed value (an environment variable, a test),
 * or a file (the data folder's `api-token`, or `--token-file`) read again whenever it changes, so
 * `headroom token --rotate` takes effect at once without a restart.
 */
import { stat } from 'node:fs/promises';
import { readTokenFile } from '../../engine/fs/api-token.js';

export interface TokenSource {
  /** The token valid now. */
  current(): Promise<string>;
  /** The token as last read (the printed link; never used to authorise). */
  readonly last: string;
}

export function fixedToken(token: string): TokenSource {
  return { current: () => Promise.resolve(token), last: token };
}

/**
 * A token file, re-read when its identity (inode, size or modification time) changes. A file that goes
 * missing or stops holding a valid token keeps the last good token in force (logged once per change), so
 * a half-edited file neither locks everyone out nor lets anyone in.
 */
export async function fileToken(file: string, log: (message: string) => void): Promise<TokenSource> {
  let token = await readTokenFile(file);
  let seen = identity(await stat(file));
  return {
    get last() {
      return token;
    },
    async current() {
      const info = await stat(file).catch(() => null);
      const now = info ? identity(info) : 'missing';
      if (now === seen) return token;
      seen = now;
      try {
        token = await readTokenFile(file);
      } catch (error) {
        log(`headroom serve: keeping the previous token: ${(error as Error).message}`);
      }
      return token;
    },
  };
}

function identity(info: { ino: number; size: number; mtimeMs: number }): string {
  return `${info.ino}:${info.size}:${info.mtimeMs}`;
}
