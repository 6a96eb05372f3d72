/**
 * Starts the delete worker thread, from the bundle in production and from the TypeScript source in tests
 * (the same way as the scanner's worker: electron/engine/scan/start-scan-worker.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The bundle puts `delete-worker.js` in `out/main/`; the executor lands either in an entry bundle beside
 * it or in a chunk one folder down, so look beside this module first, then one folder up.
 */
function bundledWorkerUrl(): URL {
  const beside = new URL('./delete-worker.js', import.meta.url);
  const above = new URL('../delete-worker.js', import.meta.url);
  return !existsSync(fileURLToPath(beside)) && existsSync(fileURLToPath(above)) ? above : beside;
}

/** Node 20 ignores `execArgv: ['--import', 'tsx']` for a worker's entry module: the worker registers tsx. */
export function startDeleteWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(bundledWorkerUrl());
  const source = new URL('./delete-worker.ts', import.meta.url);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { eval: true });
}
