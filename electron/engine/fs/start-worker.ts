/**
 * Starts a worker thread, from the bundle in production and from the TypeScript source in tests. The scan
 * and delete workers both start here, so the bundle lookup and the tsx boot live in one place.
 */
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type * as WorkerThreads from 'node:worker_threads';
import { bundledWorkerUrl } from './bundled-worker-url.js';
import { builtin } from './lazy-builtin.js';
import { restoreAfterNewIsolate } from './young-generation.js';

/**
 * `name` is the worker's entry: `<name>.ts` beside the calling module in the source, `<name>.mjs` in the
 * bundle. `callerUrl` is the caller's `import.meta.url`: run from source (vitest, tsx) it ends in `.ts`, and
 * the worker must load TypeScript. Node 20 ignores `execArgv: ['--import', 'tsx']` for a worker's entry
 * module, so the worker registers tsx itself.
 */
export function startWorker(name: string, callerUrl: string, resourceLimits?: ResourceLimits): Worker {
  const { Worker } = builtin<typeof WorkerThreads>('node:worker_threads');
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
