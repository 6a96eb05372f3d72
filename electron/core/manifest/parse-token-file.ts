/**
 * Reads the text of a token file (DESIGN.md, kind `manifest`): a JSON object mapping token ids to
 * `{ expires_at, created_at, files }`, or an array of `{ token, expires_at, created_at, files }`.
 * A file that is not such JSON at all is refused whole (nothing is removed); an entry that is damaged is
 * skipped and reported while the rest go on, as the seed's own cleanup does.
 */
import type {
  ManifestToken,
  RefusedPath,
  TokenEntryProblem,
  TokenFileParse,
  TokenFileShape,
} from './manifest-types.js';
import { checkTokenPath } from './token-path.js';
import { readTokenTime } from './token-time.js';

type EntryRead = { ok: true; token: ManifestToken } | { ok: false; problem: TokenEntryProblem };

/**
 * Parses `text`. `tokenFilePath` is the token file's own path relative to the folder (null when it lies
 * outside): a token that lists it is refused, so cleanup can never delete the list it is reading.
 */
export function parseTokenFile(text: string, tokenFilePath: string | null): TokenFileParse {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${(error as Error).message})` };
  }
  const shape: TokenFileShape | null = Array.isArray(json) ? 'array' : isObject(json) ? 'object' : null;
  if (shape === null) {
    return {
      ok: false,
      message: `it holds ${describe(json)}, not an object of tokens or an array of { "token": … } entries`,
    };
  }
  const entries: [string, unknown, string | null][] =
    shape === 'array'
      ? (json as unknown[]).map((e, i) => [`entry ${i + 1}`, e, null])
      : Object.entries(json as object).map(([id, e]) => [`token "${id}"`, e, id]);
  const tokens: ManifestToken[] = [];
  const problems: TokenEntryProblem[] = [];
  const seen = new Set<string>();
  for (const [at, entry, key] of entries) {
    const read = readEntry(at, entry, key, tokenFilePath);
    if (read.ok && seen.has(read.token.id)) {
      const files = [...read.token.files];
      problems.push({ at, message: `token "${read.token.id}" appears twice; the second is skipped`, files });
    } else if (read.ok) {
      seen.add(read.token.id);
      tokens.push(read.token);
    } else problems.push(read.problem);
  }
  return { ok: true, shape, tokens, problems };
}

function readEntry(at: string, entry: unknown, key: string | null, tokenFile: string | null): EntryRead {
  const fail = (message: string, files: string[] | null): EntryRead => ({
    ok: false,
    problem: { at, message, files },
  });
  if (!isObject(entry)) return fail(`it is ${describe(entry)}, not an object`, null);
  const files = readFiles(entry.files, tokenFile);
  if (files === null) return fail('its "files" is missing or not a list of paths', null);
  const id = key ?? entry.token;
  if (typeof id !== 'string' || id.length === 0) {
    return fail('it has no "token" id (text)', files.accepted);
  }
  const times: Record<'expires_at' | 'created_at', number | null> = { expires_at: null, created_at: null };
  for (const name of ['expires_at', 'created_at'] as const) {
    if (entry[name] === undefined || entry[name] === null) continue;
    const time = readTokenTime(name, entry[name]);
    if (!time.ok) return fail(time.why, files.accepted);
    times[name] = time.ms;
  }
  return {
    ok: true,
    token: {
      id,
      expiresAtMs: times.expires_at,
      createdAtMs: times.created_at,
      files: files.accepted,
      refused: files.refused,
    },
  };
}

/** The listed paths, normalised and deduplicated, and the refused ones; null when `files` is no list of text. */
function readFiles(
  files: unknown,
  tokenFile: string | null,
): { accepted: string[]; refused: RefusedPath[] } | null {
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) return null;
  const accepted = new Set<string>();
  const refused: RefusedPath[] = [];
  for (const listed of files as string[]) {
    const check = checkTokenPath(listed);
    if (!check.ok) refused.push({ path: listed, why: check.why });
    else if (check.path === tokenFile) refused.push({ path: listed, why: 'is the token file itself' });
    else accepted.add(check.path);
  }
  return { accepted: [...accepted], refused };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}
