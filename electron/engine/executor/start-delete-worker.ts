/**
 * Starts the delete worker thread, from the bundle in production and from the TypeScript source in tests
 * (the same way as the scanner's worker: electron/engine/scan/start-scan-worker.ts).
 */
import { Worker } from 'node:worker_threads';
import { bundledWorkerUrl } from '../fs/bundled-worker-url.js';

/** Node 20 ignores `execArgv: ['--import', 'tsx']` for a worker's entry module: the worker registers tsx. */
export function startDeleteWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(bundledWorkerUrl('delete-worker', import.meta.url));
  const source = new URL('./delete-worker.ts', import.meta.url);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { eval: true });
}
