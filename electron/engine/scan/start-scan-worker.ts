/** Starts one scan worker thread, from the bundle in production and from the TypeScript source in tests. */
import { Worker } from 'node:worker_threads';

/**
 * In the bundle, `import.meta.url` is the bundle that holds the scanner (`out/main/index.js`, `cli.js`), and
 * `scan-worker.js` sits beside it. Run from source (vitest, tsx), it is this `.ts` file; Node 20 ignores
 * `execArgv: ['--import', 'tsx']` for the worker's entry module, so the worker registers tsx itself first.
 */
export function startScanWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./scan-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
  if (!fromSource) return new Worker(url);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true });
}
