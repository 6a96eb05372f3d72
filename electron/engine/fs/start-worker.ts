/**
 * Starts a worker thread, from the bundle in production and from the TypeScript source in tests. The scan
 * and delete workers both start here, so the bundle lookup and the tsx boot live in one place.
 */
import { createRequire } from 'node:module';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type * as WorkerThreads from 'node:worker_threads';
import { bundledWorkerUrl } from './bundled-worker-url.js';
import { restoreAfterNewIsolate } from './young-generation.js';

// Node's worker_threads is loaded with the first worker: a command whose scan walks a small folder on the
// caller's thread (status on an empty folder) never pays for it (#17: a few ms of every CLI call).
const builtin = createRequire(import.meta.url);

/**
 * `name` is the worker's entry: `<name>.ts` beside the calling module in the source, `<name>.mjs` in the
 * bundle. `callerUrl` is the caller's `import.meta.url`: run from source (vitest, tsx) it ends in `.ts`, and
 * the worker must load TypeScript. Node 20 ignores `execArgv: ['--import', 'tsx']` for a worker's entry
 * module, so the worker registers tsx itself.
 */
export function startWorker(name: string, callerUrl: string, resourceLimits?: ResourceLimits): Worker {
  const { Worker } = builtin('node:worker_threads') as typeof WorkerThreads;
  const worker = callerUrl.endsWith('.ts')
    ? new Worker(tsxBoot(name, callerUrl), { eval: true, resourceLimits })
    : new Worker(bundledWorkerUrl(name, callerUrl), { resourceLimits });
  // 'online' comes once the worker's isolate exists, which is when V8 resets the young-generation flag;
  // 'exit' covers isolates the worker itself started meanwhile.
  worker.once('online', restoreAfterNewIsolate);
  worker.once('exit', restoreAfterNewIsolate);
  return worker;
}

function tsxBoot(name: string, callerUrl: string): string {
  const source = new URL(`./${name}.ts`, callerUrl);
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
}
