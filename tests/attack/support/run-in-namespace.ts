/** Starts namespace-child.ts in a private mount namespace after running `mounts` there as root. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FolderRunResult } from '../../../shared/types.js';

const CHILD = fileURLToPath(new URL('./namespace-child.ts', import.meta.url));

/** Whether this machine lets a test make a private mount namespace (root, and unshare permitted). */
export function canUnshare(): boolean {
  const probe = spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']);
  return probe.status === 0;
}

export function runInMountNamespace(
  mounts: string[],
  input: object,
  env: NodeJS.ProcessEnv,
): { result: FolderRunResult; swaps: number } {
  const setup = [...mounts, 'exec "$@"'].join(' && ');
  const child = spawnSync(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      setup,
      'sh',
      process.execPath,
      '--import',
      'tsx',
      CHILD,
    ],
    { input: JSON.stringify(input), encoding: 'utf8', env, timeout: 600_000, maxBuffer: 256 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`namespace child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as { result: FolderRunResult; swaps: number };
}
