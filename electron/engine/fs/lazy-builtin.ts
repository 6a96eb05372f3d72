/**
 * A Node built-in, loaded when first asked for rather than when the module that uses it is imported: a
 * one-shot command such as `status` never pays for worker_threads, v8, vm or crypto it does not call (#17).
 * Node caches a loaded built-in, so asking again costs a lookup.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function builtin<T>(name: `node:${string}`): T {
  return load(name) as T;
}
