/**
 * The script a service should start: `bin/headroom.js` of this installation, found by walking up from
 * this module (the bundle in `out/main/` or the source under tsx), as an absolute path.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findCliScript(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'bin', 'headroom.js');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find bin/headroom.js of this installation');
    dir = parent;
  }
}
