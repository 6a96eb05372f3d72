/**
 * The hostile request corpus for `headroom serve`: one row per request a hostile local program could send,
 * with the status, error code and message it must get. Rows are sent with the right token, Host and
 * Content-Type unless the row overrides them (`headers`; `''` removes a header's value).
 */
import type { BridgeErrorCode } from '../../shared/bridge.js';

export interface ServeCase {
  name: string;
  method?: string;
  path: string;
  /** A string or Buffer is sent as is; anything else as JSON. Absent: no body. */
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code: BridgeErrorCode;
  message: RegExp;
}

const bridge = (name: string): string => `/api/bridge/${name}`;
const NAME_RULE =
  /name may hold letters, digits|name must not contain "\.\."|name must be at most 64 characters/;
const BAD_JSON = /The request body is not valid JSON/;

/** Request bodies that are not the JSON object a request takes. */
// prettier-ignore
export const BODY_CASES: ServeCase[] = [
  { name: 'truncated JSON', path: bridge('previewCleanup'), body: '{"folders": [', status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'a lone brace', path: bridge('getSnapshot'), body: '{', status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'a trailing comma', path: bridge('getHistory'), body: '{"limit": 5,}', status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'single quotes', path: bridge('getHistory'), body: "{'limit': 5}", status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'NaN as a value', path: bridge('getHistory'), body: '{"limit": NaN}', status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'a comment in JSON', path: bridge('getSnapshot'), body: '{} // hi', status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'a BOM before JSON', path: bridge('getSnapshot'), body: '\ufeff{}', status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'bytes that are not UTF-8', path: bridge('getSnapshot'), body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'binary garbage', path: bridge('getSnapshot'), body: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256)), status: 400, code: 'invalid-request', message: BAD_JSON },
  { name: 'JSON null', path: bridge('getSnapshot'), body: 'null', status: 200, code: 'invalid-request', message: /./ },
  { name: 'a JSON list', path: bridge('getSnapshot'), body: '[]', status: 400, code: 'invalid-request', message: /getSnapshot: .*expected object, received array/ },
  { name: 'a JSON string', path: bridge('previewCleanup'), body: '"outputs"', status: 400, code: 'invalid-request', message: /previewCleanup: .*expected object/ },
  { name: 'a JSON number', path: bridge('getHistory'), body: '42', status: 400, code: 'invalid-request', message: /getHistory: .*expected object/ },
  { name: 'JSON true', path: bridge('cancelCleanup'), body: 'true', status: 400, code: 'invalid-request', message: /cancelCleanup: .*expected object/ },
  { name: 'lists nested 500,000 deep', path: bridge('getSnapshot'), body: `${'['.repeat(500_000)}${']'.repeat(500_000)}`, status: 400, code: 'invalid-request', message: /getSnapshot: .*expected object/ },
  { name: 'objects nested 100,000 deep', path: bridge('getSnapshot'), body: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, status: 400, code: 'invalid-request', message: /Unrecognized key: "a"/ },
  { name: 'a __proto__ key', path: bridge('runCleanup'), body: '{"__proto__": {"dryRun": true}}', status: 400, code: 'invalid-request', message: /Unrecognized key: "__proto__"/ },
  { name: 'a constructor.prototype key', path: bridge('previewCleanup'), body: '{"constructor": {"prototype": {"x": 1}}}', status: 400, code: 'invalid-request', message: /Unrecognized key: "constructor"/ },
  { name: 'form data instead of JSON', path: bridge('runCleanup'), body: 'folders=outputs', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, status: 415, code: 'invalid-request', message: /must be JSON/ },
  { name: 'no Content-Type', path: bridge('getSnapshot'), body: '{}', headers: { 'Content-Type': '' }, status: 415, code: 'invalid-request', message: /must be JSON/ },
  { name: 'text/plain (a form a page may send cross-site)', path: bridge('runCleanup'), body: '{}', headers: { 'Content-Type': 'text/plain' }, status: 415, code: 'invalid-request', message: /must be JSON/ },
  { name: 'a multipart body', path: bridge('updateConfig'), body: '--x\r\n\r\n{}\r\n--x--', headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, status: 415, code: 'invalid-request', message: /must be JSON/ },
  { name: 'GET on a bridge route', method: 'GET', path: bridge('getSnapshot'), status: 405, code: 'invalid-request', message: /Use POST/ },
  { name: 'DELETE on a bridge route', method: 'DELETE', path: bridge('runCleanup'), status: 405, code: 'invalid-request', message: /Use POST/ },
  { name: 'POST on the events route', method: 'POST', path: '/api/events', body: '{}', status: 405, code: 'invalid-request', message: /Use GET/ },
];

/** Well-formed JSON of the wrong shape, for every request. */
// prettier-ignore
export const TYPE_CASES: ServeCase[] = [
  { name: 'getSnapshot with an extra key', path: bridge('getSnapshot'), body: { folder: 'outputs' }, status: 400, code: 'invalid-request', message: /getSnapshot: Unrecognized key: "folder"/ },
  { name: 'previewCleanup folders as a string', path: bridge('previewCleanup'), body: { folders: 'outputs' }, status: 400, code: 'invalid-request', message: /folders must be a list of folder names/ },
  { name: 'previewCleanup folders of numbers', path: bridge('previewCleanup'), body: { folders: [1] }, status: 400, code: 'invalid-request', message: /name must be text/ },
  { name: 'previewCleanup 257 folder names', path: bridge('previewCleanup'), body: { folders: Array.from({ length: 257 }, (_, i) => `f${i}`) }, status: 400, code: 'invalid-request', message: /folders may name at most 256 folders/ },
  { name: 'runCleanup dryRun as a string', path: bridge('runCleanup'), body: { dryRun: 'yes' }, status: 400, code: 'invalid-request', message: /runCleanup: dryRun: .*expected boolean/ },
  { name: 'runCleanup with a path key', path: bridge('runCleanup'), body: { folders: ['outputs'], path: '/etc' }, status: 400, code: 'invalid-request', message: /Unrecognized key: "path"/ },
  { name: 'cancelCleanup with an extra key', path: bridge('cancelCleanup'), body: { force: true }, status: 400, code: 'invalid-request', message: /cancelCleanup: Unrecognized key: "force"/ },
  { name: 'getHistory limit as a string', path: bridge('getHistory'), body: { limit: '10' }, status: 400, code: 'invalid-request', message: /getHistory: limit: .*expected number/ },
  { name: 'getHistory limit zero', path: bridge('getHistory'), body: { limit: 0 }, status: 400, code: 'invalid-request', message: /getHistory: limit: Too small/ },
  { name: 'getHistory limit a billion', path: bridge('getHistory'), body: { limit: 1e9 }, status: 400, code: 'invalid-request', message: /getHistory: limit: Too big/ },
  { name: 'getHistory limit fractional', path: bridge('getHistory'), body: { limit: 1.5 }, status: 400, code: 'invalid-request', message: /getHistory: limit: .*expected int/ },
  { name: 'getHistory before not a date', path: bridge('getHistory'), body: { before: 'yesterday' }, status: 400, code: 'invalid-request', message: /getHistory: before: Invalid ISO datetime/ },
  { name: 'getConfig with an extra key', path: bridge('getConfig'), body: { raw: true }, status: 400, code: 'invalid-request', message: /getConfig: Unrecognized key: "raw"/ },
  { name: 'updateConfig settings of the wrong type', path: bridge('updateConfig'), body: { settings: { warning_threshold_percent: '80' } }, status: 400, code: 'invalid-request', message: /warning_threshold_percent must be a number/ },
  { name: 'updateConfig folders as a string', path: bridge('updateConfig'), body: { folders: 'outputs' }, status: 400, code: 'invalid-request', message: /updateConfig: folders: / },
  { name: 'updateConfig an unknown top-level key', path: bridge('updateConfig'), body: { text: 'folders: []' }, status: 400, code: 'invalid-request', message: /Unrecognized key: "text"/ },
  { name: 'updateConfig max_size_gb NaN (as null)', path: bridge('updateConfig'), body: { folders: [{ name: 'outputs', path: './outputs', max_size_gb: null }] }, status: 400, code: 'invalid-request', message: /max_size_gb must be a number/ },
  { name: 'updateConfig a folder at /etc', path: bridge('updateConfig'), body: { folders: [{ name: 'x', path: '/etc', max_files: 1 }] }, status: 422, code: 'config-invalid', message: /x cannot be managed because it is a system folder/ },
  { name: 'updateConfig a folder climbing to /', path: bridge('updateConfig'), body: { folders: [{ name: 'x', path: '../../../../../../../../..', max_files: 1 }] }, status: 422, code: 'config-invalid', message: /root of a file system/ },
  { name: 'updateConfig a path with a NUL', path: bridge('updateConfig'), body: { folders: [{ name: 'x', path: './a\u0000b', max_files: 1 }] }, status: 400, code: 'invalid-request', message: /path must not contain a NUL character/ },
  { name: 'pauseSchedule without until', path: bridge('pauseSchedule'), body: {}, status: 400, code: 'invalid-request', message: /pauseSchedule: until: .*expected string/ },
  { name: 'pauseSchedule until not a date', path: bridge('pauseSchedule'), body: { until: 'tomorrow' }, status: 400, code: 'invalid-request', message: /pauseSchedule: until: Invalid ISO datetime/ },
  { name: 'pauseSchedule until a number', path: bridge('pauseSchedule'), body: { until: 1e20 }, status: 400, code: 'invalid-request', message: /pauseSchedule: until: .*expected string/ },
  { name: 'stopSchedule stopped as a string', path: bridge('stopSchedule'), body: { stopped: 'yes' }, status: 400, code: 'invalid-request', message: /stopSchedule: stopped: stopped must be true or false/ },
  { name: 'stopSchedule without stopped', path: bridge('stopSchedule'), body: {}, status: 400, code: 'invalid-request', message: /stopSchedule: stopped: / },
];

/** A folder name that tries to be a path (or a file name that is not a name) is refused before the engine. */
// prettier-ignore
export const FOLDER_NAME_CASES: ServeCase[] = [
  ...['../../etc', '..', '/etc', '/', 'outputs/../../x', 'a/b', 'a\\b', '~', '.ssh', 'outputs\u0000', 'outputs\n', '%2e%2e', ' outputs', 'ｏｕｔｐｕｔｓ', 'x'.repeat(10_000)].map(
    (name): ServeCase => ({ name: `previewCleanup folder ${JSON.stringify(name.slice(0, 20))}`, path: bridge('previewCleanup'), body: { folders: [name] }, status: 400, code: 'invalid-request', message: NAME_RULE }),
  ),
  { name: 'runCleanup folder ../outputs', path: bridge('runCleanup'), body: { folders: ['../outputs'] }, status: 400, code: 'invalid-request', message: NAME_RULE },
  { name: 'runCleanup folder /tmp', path: bridge('runCleanup'), body: { folders: ['/tmp'] }, status: 400, code: 'invalid-request', message: NAME_RULE },
  { name: 'v1 cleanup folder ../x', path: '/api/v1/cleanup', body: { folders: ['../x'] }, status: 400, code: 'invalid-request', message: NAME_RULE },
  { name: 'a well-formed name that is not configured', path: bridge('previewCleanup'), body: { folders: ['etc'] }, status: 404, code: 'unknown-folder', message: /etc/ },
];

/** Names that are not requests, including the ones an object lookup would find on any JavaScript object. */
// prettier-ignore
export const ROUTE_CASES: ServeCase[] = [
  ...['deleteEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'GETSNAPSHOT', 'getSnapshot%00', 'getSnapshot/', 'dispose', 'on', ''].map(
    (name): ServeCase => ({ name: `unknown request ${JSON.stringify(name)}`, path: bridge(name), body: {}, status: 404, code: 'not-found', message: /There is no endpoint/ }),
  ),
  { name: 'an unknown API folder', path: '/api/admin', body: {}, status: 404, code: 'not-found', message: /There is no endpoint/ },
  { name: 'an unknown v1 endpoint', method: 'GET', path: '/api/v1/files', status: 404, code: 'not-found', message: /./ },
];

const WRONG_TOKEN = /A valid token is required/;
/** Tokens missing, wrong, or in a place this route does not read them from. */
export function tokenCases(token: string): ServeCase[] {
  const snap = bridge('getSnapshot');
  const refused = (name: string, headers: Record<string, string>, path = snap): ServeCase => ({
    name,
    path,
    body: path.startsWith('/api/bridge') ? {} : undefined,
    method: path.startsWith('/api/bridge') ? 'POST' : 'GET',
    headers: { Authorization: '', ...headers },
    status: 401,
    code: 'unauthorized',
    message: WRONG_TOKEN,
  });
  // prettier-ignore
  return [
    refused('no token', {}),
    refused('an empty bearer token', { Authorization: 'Bearer ' }),
    refused('a wrong token of the same length', { Authorization: `Bearer ${'A'.repeat(token.length)}` }),
    refused('the token with one character more', { Authorization: `Bearer ${token}x` }),
    refused('the token cut short', { Authorization: `Bearer ${token.slice(0, -1)}` }),
    refused('the token in upper case', { Authorization: `Bearer ${token.toUpperCase()}` }),
    refused('the token as Basic auth', { Authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` }),
    refused('the token without the Bearer scheme', { Authorization: token }),
    refused('the token in lower-case "bearer"', { Authorization: `bearer ${token}` }),
    refused('the token in a cookie', { Cookie: `token=${token}` }),
    refused('the token in an X-Token header', { 'X-Token': token }),
    refused('the token in the query of a bridge route', {}, `${snap}?token=${token}`),
    refused('the token in the query of a v1 route', {}, `/api/v1/resources?token=${token}`),
    refused('the token as the URL fragment (never sent, so absent)', {}, `/api/v1/health#token=${token}`),
    refused('events without a token', {}, '/api/events'),
    refused('events with a wrong query token', {}, '/api/events?token=nope'),
    refused('events with an empty query token', {}, '/api/events?token='),
    { ...refused('the token in the body', {}), body: { token } },
  ];
}

/** Requests that name another host or come from another site's page (DNS rebinding, cross-site forms). */
export function hostCases(port: number): ServeCase[] {
  const host = (name: string, value: string): ServeCase => ({
    name,
    path: bridge('getSnapshot'),
    body: {},
    headers: { Host: value },
    status: 421,
    code: 'unauthorized',
    message: /answers only to its own address/,
  });
  const origin = (name: string, value: string): ServeCase => ({
    name,
    path: bridge('getSnapshot'),
    body: {},
    headers: { Origin: value },
    status: 403,
    code: 'unauthorized',
    message: /Requests from other sites are refused/,
  });
  return [
    host('a foreign Host', `evil.example:${port}`),
    host('a Host without the port', '127.0.0.1'),
    host('a Host with another port', `127.0.0.1:${port + 1}`),
    host('a Host that ends like ours', `attacker127.0.0.1:${port}`),
    host('a Host with our name as a subdomain', `localhost.evil.example:${port}`),
    host('the IPv4 address in hex', `0x7f000001:${port}`),
    origin('a foreign Origin', 'http://evil.example'),
    origin('Origin null (a sandboxed frame or a file: page)', 'null'),
    origin('our address over https', `https://127.0.0.1:${port}`),
    origin('our address with another port', `http://127.0.0.1:${port + 1}`),
    origin('our address with a path', `http://127.0.0.1:${port}/x`),
    {
      ...origin('a foreign Origin on the events route', 'http://evil.example'),
      method: 'GET',
      path: '/api/events',
      body: undefined,
    },
  ];
}
