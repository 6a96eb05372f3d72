/**
 * Runs the `headroom` CLI as a separate process for the crash loop: from source with tsx (default) or the
 * built `bin/headroom.js`, either to completion or killed with SIGKILL at a chosen moment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const SOURCE_CLI = fileURLToPath(new URL('../../../electron/headless/cli.ts', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../../../bin/headroom.js', import.meta.url));

export type CliFlavour = 'source' | 'built';

export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(flavour: CliFlavour, args: string[]): { child: ChildProcess; done: Promise<CliOutcome> } {
  const argv = flavour === 'source' ? ['--import', 'tsx', SOURCE_CLI, ...args] : [BUILT_CLI, ...args];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliOutcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs `headroom <args>` to completion. */
export function runHeadroom(flavour: CliFlavour, args: string[]): Promise<CliOutcome> {
  return start(flavour, args).done;
}

/** When to kill: `delayMs` after the spawn, or after `waitFor` first holds (polled every millisecond). */
export interface KillPlan {
  delayMs: number;
  waitFor?: () => boolean;
}

export interface KilledRun extends CliOutcome {
  /** False when the process had already exited when the kill was due. */
  killed: boolean;
  /** Milliseconds from the spawn to the kill (or to the exit). */
  atMs: number;
  /** Milliseconds from the spawn to when `waitFor` held; null when it never did. */
  waitedMs: number | null;
}

/** Runs `headroom <args>` and SIGKILLs it as `plan` says. */
export async function runAndKill(flavour: CliFlavour, args: string[], plan: KillPlan): Promise<KilledRun> {
  const startedMs = performance.now();
  const { child, done } = start(flavour, args);
  let exited = false;
  void done.then(() => (exited = true));
  let waitedMs: number | null = null;
  if (plan.waitFor) {
    while (!exited && !plan.waitFor()) await sleep(1);
    if (plan.waitFor()) waitedMs = performance.now() - startedMs;
  }
  if (plan.delayMs > 0) {
    const wait = new AbortController();
    const timer = sleep(plan.delayMs, undefined, { signal: wait.signal }).catch(() => undefined);
    await Promise.race([timer, done]);
    wait.abort();
  }
  const atMs = performance.now() - startedMs;
  const killed = !exited && child.kill('SIGKILL');
  return { ...(await done), killed, atMs, waitedMs };
}
