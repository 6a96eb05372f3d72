/** Starts one scan worker thread, from the bundle in production and from the TypeScript source in tests. */
import { Worker } from 'node:worker_threads';
import { bundledWorkerUrl } from '../fs/bundled-worker-url.js';

/**
 * A walk's garbage (a Dirent and a name buffer per entry) dies young; V8's default young generation let
 * each worker grow by tens of MB before collecting it, and a small one costs no scan speed (figures in
 * bench/PERFORMANCE.md, "Scan workers get a 2 MB young generation"). The old generation is left unbounded: one folder of a million entries is one
 * readdir array, and a worker that runs out of heap fails the whole scan.
 */
const resourceLimits = { maxYoungGenerationSizeMb: 2 };

/**
 * Run from source (vitest, tsx) this module is a `.ts` file, and the worker must load TypeScript. Node 20
 * ignores `execArgv: ['--import', 'tsx']` for a worker's entry module, so the worker registers tsx itself.
 */
export function startScanWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(bundledWorkerUrl('scan-worker', import.meta.url), { resourceLimits });
  const source = new URL('./scan-worker.ts', import.meta.url);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}
