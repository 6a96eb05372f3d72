/**
 * A real engine on temp folders behind a real `startServer`, and raw HTTP helpers: `http.request` sends
 * the path and headers exactly as given (fetch would normalise `..` and refuse to set Host).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { createEngine } from '../../../electron/engine/runtime/create-engine.js';
import type { Engine } from '../../../electron/engine/runtime/engine-types.js';
import type { ScanFn } from '../../../electron/engine/live/live-types.js';
import { startServer } from '../../../electron/headless/serve/start-server.js';
import type { ServeHandle, ServerOptions } from '../../../electron/headless/serve/start-server.js';
import { DAY_MS, makeTempDir, writeFiles } from '../../support/make-tree.js';

export interface ServeFixture {
  dir: string;
  engine: Engine;
  server: ServeHandle;
  /** `127.0.0.1:PORT`, the Host header a browser on this machine sends. */
  host: string;
  logged: string[];
  close(): Promise<void>;
}

/** outputs: 4 files of 10 B, 10 to 40 days old, at most 2 files → a cleanup removes the 2 oldest. */
/**
 * With `live`, the engine runs as `headroom serve` runs it (snapshots from the watched index), with the
 * start-up cleanup off and the schedule paused: the folder is over its limit, which would otherwise start an
 * emergency cleanup, and the four files must stay.
 */
export async function startFixture(
  options: Partial<ServerOptions> = {},
  { live = false, liveScan }: { live?: boolean; liveScan?: ScanFn } = {},
): Promise<ServeFixture> {
  const { dir, cleanup } = await makeTempDir('headroom-serve-');
  await writeFiles(join(dir, 'outputs'), [
    { path: 'old-1.wav', sizeBytes: 10, ageMs: 40 * DAY_MS },
    { path: 'old-2.wav', sizeBytes: 10, ageMs: 30 * DAY_MS },
    { path: 'new-1.wav', sizeBytes: 10, ageMs: 20 * DAY_MS },
    { path: 'new-2.wav', sizeBytes: 10, ageMs: 10 * DAY_MS },
  ]);
  const configFile = join(dir, 'config.yaml');
  const startup = live ? 'cleanup_on_startup: false\n' : '';
  await writeFile(
    configFile,
    `${startup}folders:\n  - name: outputs\n    path: ./outputs\n    max_files: 2\n`,
  );
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>dash</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  // Named as the bundler names its output: content hash in the name, so it may be cached for good.
  await writeFile(join(rendererDir, 'assets', 'index-Rz_1aeHA.js'), 'console.log("hashed");');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
  const engine = await createEngine({
    dataDir: join(dir, 'data'),
    configFile,
    live,
    log: () => {},
    ...(liveScan ? { liveScan } : {}),
  });
  if (live) await engine.pauseSchedule({ until: '2999-01-01T00:00:00.000Z' });
  const logged: string[] = [];
  const server = await startServer(engine, {
    host: '127.0.0.1',
    port: 0,
    rendererDir,
    log: (message) => logged.push(message),
    ...options,
  });
  return {
    dir,
    engine,
    server,
    host: `127.0.0.1:${server.port}`,
    logged,
    async close() {
      await server.close();
      await engine.dispose();
      await cleanup();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined. */
  json: unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/** One request to the fixture's server, exactly as given; resolves with the whole response. */
export function rawRequest(fx: ServeFixture, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const out = request(
      {
        host: '127.0.0.1',
        port: fx.server.port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: { Host: fx.host, ...req.headers },
        agent: false,
      },
      (res) => readAll(res).then(resolve, reject),
    );
    out.on('error', reject);
    out.end(req.body);
  });
}

export function readAll(res: IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
    });
  });
}

/** A bridge call with the right token, Host and Content-Type unless overridden. */
export function bridgeCall(
  fx: ServeFixture,
  path: string,
  body: unknown = {},
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(fx, {
    method: 'POST',
    path,
    headers: {
      Authorization: `Bearer ${fx.server.token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
