/**
 * Starts the built `headroom serve` (`node bin/headroom.js serve --port 0`) on temp folders and a temp
 * config, the way a user would, and reads the dashboard link from its stdout.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/headroom.js', import.meta.url));
const DAY_MS = 86_400_000;

export interface SeedFile {
  /** Relative to the temp folder, e.g. `outputs/a.wav`. */
  path: string;
  sizeBytes: number;
  ageDays: number;
}

export interface HeadroomServer {
  dir: string;
  configFile: string;
  /** `http://127.0.0.1:PORT/` */
  baseUrl: string;
  token: string;
  /** The printed link, with `#token=…`. */
  link: string;
  stderr(): string;
  stop(): Promise<void>;
}

export async function writeSeedFiles(dir: string, files: readonly SeedFile[]): Promise<void> {
  for (const file of files) {
    const full = join(dir, file.path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, Buffer.alloc(file.sizeBytes, 0x61));
    const when = new Date(Date.now() - file.ageDays * DAY_MS);
    await utimes(full, when, when);
  }
}

/** Extra arguments after `serve` and environment for the serve process. */
export interface StartOptions {
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Start as a first run: no --config, so serve writes its commented default into the data folder. */
  defaultConfig?: boolean;
  /** Called with the temp folder before serve starts: e.g. to seed the data folder (`<dir>/data`). */
  beforeStart?: (dir: string) => Promise<void>;
}

/** Writes `config` (YAML text, paths relative to the temp folder) and `files`, then starts serve. */
export async function startHeadroom(
  config: string,
  files: readonly SeedFile[],
  options: StartOptions = {},
): Promise<HeadroomServer> {
  const dir = await mkdtemp(join(tmpdir(), 'headroom-e2e-'));
  const configFile = options.defaultConfig ? join(dir, 'data', 'config.yaml') : join(dir, 'config.yaml');
  if (!options.defaultConfig) await writeFile(configFile, config);
  await writeSeedFiles(dir, files);
  await options.beforeStart?.(dir);
  const configArgs = options.defaultConfig ? [] : ['--config', configFile];
  const args = ['serve', '--port', '0', ...configArgs, '--data-dir', join(dir, 'data')];
  const child = spawn(process.execPath, [BIN, ...args, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const link = await waitForLink(
    child,
    () => stdout,
    () => stderr,
  );
  const url = new URL(link);
  return {
    dir,
    configFile,
    baseUrl: `${url.origin}/`,
    token: url.hash.slice('#token='.length),
    link,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('close', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function waitForLink(child: ChildProcess, stdout: () => string, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('no dashboard link within 20 s'), 20_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`headroom serve: ${why}\nstdout: ${stdout()}\nstderr: ${stderr()}`));
    };
    child.stdout?.on('data', () => {
      const match = /Headroom dashboard: (\S+)/.exec(stdout());
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    child.once('close', (code) => fail(`exited with ${code}`));
  });
}
