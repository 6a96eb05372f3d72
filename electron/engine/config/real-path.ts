/** Real paths for folders that may not exist yet. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The real path of `p`: symlinks resolved as far as the path exists, the missing rest appended, so a
 * folder that does not exist yet is still compared where it would be created.
 */
export async function realPathOf(p: string): Promise<string> {
  const absolute = path.resolve(p);
  try {
    return await fs.realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const parent = path.dirname(absolute);
    if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === absolute) return absolute;
    return path.join(await realPathOf(parent), path.basename(absolute));
  }
}
