/** Starts `headroom serve` from source as a separate process on a free loopback port, and reads its link. */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../electron/headless/cli.ts', import.meta.url));

/** True when `npm run build` has produced the dashboard `serve` needs. */
export const RENDERER_BUILT = existsSync(
  fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url)),
);

export interface ServedProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  /** The printed dashboard link (waits for it). */
  link(): Promise<URL>;
  /** The token in the printed link. */
  token(): Promise<string>;
  stop(): Promise<number | null>;
}

export function spawnServe(args: string[], env: NodeJS.ProcessEnv = {}): ServedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const link = async (): Promise<URL> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const match = /Headroom dashboard: (\S+)/.exec(out);
      if (match) return new URL(match[1] ?? '');
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`serve printed no link (exit ${child.exitCode}); stderr:\n${err}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    link,
    token: async () => (await link()).hash.slice('#token='.length),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}
