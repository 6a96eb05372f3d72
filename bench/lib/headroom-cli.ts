/** Launching the `headroom` CLI the way a user does, on a config that can never delete a benchmark tree. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchTempDir } from './synthetic-tree.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `node bin/headroom.js` when the build exists (as shipped); otherwise the source through tsx, and says so. */
export function headroomCommand(): { argv: string[]; built: boolean } {
  if (existsSync(join(projectRoot, 'out/main/cli.js'))) {
    return { argv: [process.execPath, join(projectRoot, 'bin/headroom.js')], built: true };
  }
  return {
    argv: [process.execPath, '--import', 'tsx', join(projectRoot, 'electron/headless/cli.ts')],
    built: false,
  };
}

/**
 * A config and data dir in a new temp folder watching `roots`: no start-up cleanup, a year between runs,
 * and a count limit no tree reaches, so neither a scheduled nor an emergency cleanup can touch the trees.
 * Returns the CLI arguments that select them, and `dispose` to remove the folder.
 */
export function benchConfig(roots: string[]): { args: string[]; dispose: () => void } {
  const dir = mkdtempSync(join(benchTempDir(), 'headroom-bench-config-'));
  const folders = roots.flatMap((root, i) => [
    `  - name: bench${i}`,
    `    path: ${JSON.stringify(root)}`,
    '    max_files: 1000000000',
  ]);
  const yaml = ['cleanup_on_startup: false', 'cleanup_interval_hours: 8760', 'folders:', ...folders, ''];
  writeFileSync(join(dir, 'config.yaml'), yaml.join('\n'));
  return {
    args: ['--config', join(dir, 'config.yaml'), '--data-dir', join(dir, 'data')],
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A line predicate: a snapshot (`run --json` or `status --json`) in which every folder holds `files[i]` files. */
export function completeSnapshot(files: number[]): (line: string) => boolean {
  return (line) => {
    if (!line.startsWith('{')) return false;
    try {
      const snapshot = JSON.parse(line) as { type?: string; folders?: { fileCount: number }[] };
      if (snapshot.type !== undefined && snapshot.type !== 'snapshot') return false;
      return snapshot.folders?.map((f) => f.fileCount).join() === files.join();
    } catch {
      return false;
    }
  };
}

/** Starts `headroom <args>`; resolves with the time from launch until `done(line)` first held for a stdout line. */
export function launchUntil(
  args: string[],
  done: (line: string) => boolean,
  timeoutMs = 120_000,
): Promise<{ child: ChildProcess; ms: number }> {
  const { argv } = headroomCommand();
  const started = performance.now();
  const child = spawn(argv[0] as string, [...argv.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let buffered = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`headroom ${args[0]} did not get there in time`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}: ${stderr.slice(-1000)}`));
    };
    child.on('exit', (code) => fail(new Error(`headroom ${args[0]} exited (${code}) first`)));
    child.stdout?.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      if (!lines.some(done)) return;
      const ms = performance.now() - started;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, ms });
    });
  });
}

/** Stops a `headroom run` the way a service manager does, and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** CPU seconds (user + system) a process has used so far, from `/proc/<pid>/stat`. */
export function cpuSeconds(pid: number): number {
  const stat = readProc(`/proc/${pid}/stat`);
  // Fields after the command name (which may hold spaces) start at ")"; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Resident and peak resident bytes of a process, from `/proc/<pid>/status`. */
export function rssOf(pid: number): { rssBytes: number; peakBytes: number } {
  const status = readProc(`/proc/${pid}/status`);
  const kb = (key: string) =>
    Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
  return { rssBytes: kb('VmRSS'), peakBytes: kb('VmHWM') };
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function readProc(path: string): string {
  return readFileSync(path, 'utf8');
}
