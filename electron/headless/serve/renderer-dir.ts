/**
 * Finds the built dashboard (`out/renderer/index.html`) from wherever this code runs: the bundle in
 * `out/main/` (or a chunk below it) or the source file under tsx. Walks up from this module's folder.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Thrown when the dashboard was never built; the message says what to run. */
export class RendererNotBuiltError extends Error {
  constructor() {
    super('the dashboard is not built yet: run `npm run build` in the Headroom folder first');
    this.name = 'RendererNotBuiltError';
  }
}

/** The absolute path of the built renderer folder; throws RendererNotBuiltError when there is none. */
export function findRendererDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidates = [join(dir, 'out', 'renderer')];
    if (basename(dir) === 'out') candidates.unshift(join(dir, 'renderer'));
    const found = candidates.find((candidate) => existsSync(join(candidate, 'index.html')));
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) throw new RendererNotBuiltError();
    dir = parent;
  }
}
