/**
 * Runs the `headroom` CLI from source under a real pseudo-terminal (util-linux `script`), so stdout and
 * stderr are terminals as in a person's shell. The terminal merges both streams, with \r\n line ends.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../electron/headless/cli.ts', import.meta.url));

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export function runCliTty(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  const line = [process.execPath, '--import', 'tsx', CLI, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', line, '/dev/null'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output.replace(/\r\n/g, '\n') }));
  });
}
