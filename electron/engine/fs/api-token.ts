/**
 * The API token of `headroom serve`, kept in the data folder (`api-token`, 0600 in a 0700 folder) so a
 * script, an uptime probe or a Prometheus server configured once keeps working across restarts. The token
 * never travels on a command line (DESIGN.md invariant 6): it is read from this file, from a file named
 * with `--token-file`, or from an environment variable.
 */
import { chmod, readFile } from 'node:fs/promises';
import { crypto } from './lazy-crypto.js';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

export const TOKEN_FILE = 'api-token';

/** Shortest and longest token accepted from a person: shorter ones can be guessed, longer ones are a mistake. */
export const TOKEN_MIN_CHARS = 16;
export const TOKEN_MAX_CHARS = 256;

/** RFC 6750's bearer token characters, so every token fits an `Authorization: Bearer` header as it is. */
const TOKEN_CHARS = /^[A-Za-z0-9\-._~+/]+=*$/;

/** A fresh token: 24 random bytes, base64url (32 characters). */
export function createToken(): string {
  return crypto().randomBytes(24).toString('base64url');
}

/**
 * The token in `text` (surrounding whitespace, such as the newline `echo` adds, dropped), or a sentence
 * saying what is wrong with it. `where` names the source for that sentence ("the file X", "HEADROOM_TOKEN").
 */
export function parseToken(text: string, where: string): { token: string } | { error: string } {
  const token = text.trim();
  if (token.length < TOKEN_MIN_CHARS || token.length > TOKEN_MAX_CHARS) {
    return {
      error: `the token in ${where} must be ${TOKEN_MIN_CHARS} to ${TOKEN_MAX_CHARS} characters long; it has ${token.length}`,
    };
  }
  if (!TOKEN_CHARS.test(token)) {
    return {
      error: `the token in ${where} may hold only letters, digits and - . _ ~ + / (with = at the end), as a bearer token must`,
    };
  }
  return { token };
}

/** Where the data folder keeps its token. */
export function tokenFile(dataDir: string): string {
  return join(dataDir, TOKEN_FILE);
}

/** Reads a token file; throws a sentence when it cannot be read or holds no valid token. */
export async function readTokenFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the token file ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseToken(text, `the file ${file}`);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.token;
}

/**
 * The data folder's token, created (0600) when there is none yet. A stored file that no longer holds a
 * valid token is an error, not silently replaced: a person may have written it on purpose.
 */
export async function storedToken(dataDir: string): Promise<string> {
  const file = tokenFile(dataDir);
  try {
    return await readTokenFile(file);
  } catch (error) {
    const missing = await readFile(file).then(
      () => false,
      (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
    );
    if (!missing) throw error;
  }
  return writeNewToken(file);
}

/** Replaces the data folder's token with a fresh one; a running `serve` takes it at its next request. */
export function rotateToken(dataDir: string): Promise<string> {
  return writeNewToken(tokenFile(dataDir));
}

async function writeNewToken(file: string): Promise<string> {
  const token = createToken();
  await writeFileAtomic(file, token + '\n');
  // writeFileAtomic keeps an old file's mode; a token file is private whatever someone made it before.
  if (process.platform !== 'win32') await chmod(file, 0o600);
  return token;
}
