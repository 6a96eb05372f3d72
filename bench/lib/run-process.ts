/** Child processes for the benchmarks: timed reference tools, and probes that report one JSON line. */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU ms (user + system) of this process's threads and of the children it has waited for, from /proc. */
export function cpuMsSoFar(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime: fields 14–17, in USER_HZ (100) ticks.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) * 10;
}

/** Runs `command` to completion and returns its wall time in ms; throws when it fails. */
export function timeCommand(command: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr ?? run.error}`);
  return ms;
}

/** The line a probe prints last: `RESULT {json}`. */
export function printResult(value: unknown): void {
  process.stdout.write(`RESULT ${JSON.stringify(value)}\n`);
}

/**
 * Runs a built probe (`bench/lib/bundle-probes.ts`) in a fresh Node process, so one measurement's heap never
 * inflates the next one's, and returns the object it printed with `printResult`.
 */
export async function runProbe<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (code !== 0 || !line) throw new Error(`probe ${script} failed (exit ${code}): ${stderr.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length)) as T;
}
