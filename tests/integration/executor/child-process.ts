/** Starts `run-executor-child.ts` under Node with tsx, optionally as another user or with another environment. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FolderPlan, FolderRules, FolderRunResult } from '../../../shared/types.js';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run-executor-child.ts');

export interface ChildRun {
  root: string;
  plan: FolderPlan;
  rules: FolderRules;
  dryRun?: boolean;
  /** Run as this uid/gid through `setpriv` (the tests run as root, for whom no permission is ever denied). */
  asUid?: number;
  env?: NodeJS.ProcessEnv;
  /** Remove through the path-based port, as a machine without the addon does. */
  forcePathFallback?: boolean;
}

export function runExecutorChild(run: ChildRun): FolderRunResult {
  const node = [process.execPath, '--import', 'tsx', script];
  const [cmd, ...args] =
    run.asUid === undefined
      ? node
      : ['setpriv', `--reuid=${run.asUid}`, `--regid=${run.asUid}`, '--clear-groups', ...node];
  const child = spawnSync(cmd as string, args, {
    input: JSON.stringify({
      root: run.root,
      plan: run.plan,
      rules: run.rules,
      dryRun: run.dryRun ?? false,
      forcePathFallback: run.forcePathFallback ?? false,
    }),
    env: run.env ?? process.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`executor child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as FolderRunResult;
}
